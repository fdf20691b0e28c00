import { useEffect, useRef, useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { onConfigSave, saveTabSettings, setConfigValidity } from "../../../teams/configPage.ts";
import { Notice } from "../../components/Notice.tsx";
import "../../i18n/commitmentsMessages.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { SurfaceProps } from "../surfaceProps.ts";
import { ConfigSaveError, saveConfiguration } from "./configSave.ts";
import { PlannerTargetPicker, type PlannerTargetPickerHandle } from "./PlannerTargetPicker.tsx";

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

/**
 * The configuration page Teams shows when someone adds Concord to a meeting, chat or channel. Teams'
 * own Save is the only one: it stores where commitments go (when a plan was picked) and then the
 * tab, and is disabled while the Planner choice is incomplete.
 */
export function ConfigPage({ host }: SurfaceProps) {
  const styles = useStyles();
  const strings = useStrings();
  const picker = useRef<PlannerTargetPickerHandle>(null);
  const [isPickerValid, setIsPickerValid] = useState(true);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);

  useEffect(() => setConfigValidity(isPickerValid), [isPickerValid]);

  useEffect(() => {
    const origin = window.location.origin;
    onConfigSave(async () => {
      setSaveProblem(null);
      try {
        await saveConfiguration({
          saveTarget: () => picker.current?.save() ?? Promise.resolve(null),
          saveTab: () =>
            saveTabSettings({
              entityId: TAB_ENTITY_ID,
              contentUrl: `${origin}/`,
              websiteUrl: `${origin}/`,
              suggestedDisplayName: "Concord",
            }),
        });
      } catch (error) {
        const problem = error instanceof ConfigSaveError ? describeFailure(error) : String(error);
        setSaveProblem(problem);
        // Teams is told the same sentence the page shows
        throw new Error(problem);
      }
    });

    function describeFailure({ step, isTargetSaved, reason }: ConfigSaveError): string {
      if (step === "target") return strings.t("config.saveFailed.target", { reason });
      return strings.t(isTargetSaved ? "config.saveFailed.tabAfterTarget" : "config.saveFailed.tab", { reason });
    }
  }, [strings]);

  return (
    <main className={styles.root} data-surface="config">
      <h1 className={styles.title}>
        {strings.t(host.meetingId ? "config.titleMeeting" : host.chatId ? "config.titleChat" : "config.titleTeam")}
      </h1>
      <p className={styles.text}>{strings.t("config.intro")}</p>
      <p className={styles.text}>{strings.t("config.facilitators")}</p>
      <p className={styles.text}>{strings.t("config.save")}</p>
      {host.meetingId ? (
        <PlannerTargetPicker ref={picker} meetingId={host.meetingId} groupId={host.groupId} onValidityChange={setIsPickerValid} />
      ) : (
        <p className={styles.text}>{strings.t("config.planner.noMeeting")}</p>
      )}
      {saveProblem ? (
        <Notice intent="error" data-testid="config-save-problem">
          {saveProblem}
        </Notice>
      ) : null}
    </main>
  );
}
