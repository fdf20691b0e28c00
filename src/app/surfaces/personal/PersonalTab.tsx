import "../../i18n/personalMessages.ts";
import { makeStyles, tokens } from "@fluentui/react-components";
import { TaskListSquareLtrRegular } from "@fluentui/react-icons";
import { useStrings } from "../../i18n/useStrings.ts";
import type { SurfaceProps } from "../surfaceProps.ts";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "720px",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  empty: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  icon: { fontSize: "48px", color: tokens.colorBrandForeground1 },
  emptyTitle: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, maxWidth: "48ch", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400 },
});

/** The personal tab. Commitments do not exist yet, so it says what will appear here rather than showing anything made up. */
export function PersonalTab(_props: SurfaceProps) {
  const styles = useStyles();
  const strings = useStrings();
  return (
    <main className={styles.root} data-surface="personal">
      <h1 className={styles.title}>{strings.t("personal.title")}</h1>
      <section className={styles.empty} aria-labelledby="personal-empty-heading">
        <TaskListSquareLtrRegular className={styles.icon} aria-hidden="true" />
        <h2 id="personal-empty-heading" className={styles.emptyTitle}>
          {strings.t("personal.empty")}
        </h2>
        <p className={styles.text}>{strings.t("personal.body")}</p>
      </section>
    </main>
  );
}
