import { useEffect } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { onConfigSave, saveTabSettings, setConfigValidity } from "../../../teams/configPage.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { SurfaceProps } from "../surfaceProps.ts";
import { PlannerTargetPicker } from "./PlannerTargetPicker.tsx";

/** The one tab Concord registers; the same page serves every context, picking its surface at run time. */
export const TAB_ENTITY_ID = "concord";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "640px",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400 },
});

/** The configuration page Teams shows when someone adds Concord to a meeting, chat or channel. */
export function ConfigPage({ host }: SurfaceProps) {
  const styles = useStyles();
  const strings = useStrings();

  useEffect(() => {
    const origin = window.location.origin;
    onConfigSave(() =>
      saveTabSettings({
        entityId: TAB_ENTITY_ID,
        contentUrl: `${origin}/`,
        websiteUrl: `${origin}/`,
        suggestedDisplayName: "Concord",
      }),
    );
    // the Planner target is saved on its own and is optional, so the tab can be added at once
    setConfigValidity(true);
  }, []);

  return (
    <main className={styles.root} data-surface="config">
      <h1 className={styles.title}>
        {strings.t(host.meetingId ? "config.titleMeeting" : host.chatId ? "config.titleChat" : "config.titleTeam")}
      </h1>
      <p className={styles.text}>{strings.t("config.intro")}</p>
      <p className={styles.text}>{strings.t("config.facilitators")}</p>
      <p className={styles.text}>{strings.t("config.save")}</p>
      {host.meetingId ? <PlannerTargetPicker meetingId={host.meetingId} /> : <p className={styles.text}>{strings.t("config.planner.noMeeting")}</p>}
    </main>
  );
}
