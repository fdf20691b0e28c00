import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  text: { margin: 0, flex: "1 1 320px", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

/** Props of {@link JoinNotice}. */
export interface JoinNoticeProps {
  commands: Commands;
}

/**
 * For someone who has not joined the meeting in Concord: every change needs a participant, so the
 * tab says what joining does and offers it, instead of buttons that would all be refused.
 */
export function JoinNotice({ commands }: JoinNoticeProps) {
  const styles = useStyles();
  const strings = useStrings();
  return (
    <section className={styles.root} aria-label={strings.t("join.button")}>
      <p className={styles.text}>{strings.t("tab.joinBody")}</p>
      <Button
        appearance="primary"
        data-testid="tab-join-button"
        disabledFocusable={commands.isInFlight("meeting.join")}
        onClick={() => void commands.send({ type: "meeting.join", payload: {} })}
      >
        {strings.t("join.button")}
      </Button>
    </section>
  );
}
