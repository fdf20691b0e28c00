import "../../i18n/outsideTeamsMessages.ts";
import { useEffect, useState } from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { NotInTeamsReason } from "../../../teams/hostContext.ts";
import { fetchServerMode } from "../../api/health.ts";
import { useStrings } from "../../i18n/useStrings.ts";

/** Where the development server serves its meeting simulator. */
export const SIMULATOR_PATH = "/dev/meeting/";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minHeight: "100vh",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
  },
  card: {
    maxWidth: "600px",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
  },
  brand: { margin: 0, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  reason: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  dev: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  devTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** Props of {@link OutsideTeams}. */
export interface OutsideTeamsProps {
  reason: NotInTeamsReason;
}

/** What someone sees opening the tab's URL outside Teams: what Concord is, and where it runs. */
export function OutsideTeams({ reason }: OutsideTeamsProps) {
  const styles = useStyles();
  const strings = useStrings();
  const [isDevelopment, setIsDevelopment] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void fetchServerMode().then((mode) => {
      if (isCurrent) setIsDevelopment(mode === "development");
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  return (
    <main className={styles.root} data-surface="outsideTeams">
      <div className={styles.card}>
        <p className={styles.brand}>Concord</p>
        <h1 className={styles.title}>{strings.t("outside.title")}</h1>
        <p className={styles.text}>{strings.t("outside.body")}</p>
        <p className={styles.reason}>{strings.t(`outside.reason.${reason}`)}</p>
        {isDevelopment ? (
          <section className={styles.dev} aria-labelledby="outside-dev-heading">
            <h2 id="outside-dev-heading" className={styles.devTitle}>
              {strings.t("outside.devTitle")}
            </h2>
            <p className={styles.reason}>{strings.t("outside.devBody")}</p>
            <Link href={SIMULATOR_PATH} data-testid="simulator-link">
              {strings.t("outside.devLink")}
            </Link>
          </section>
        ) : null}
      </div>
    </main>
  );
}
