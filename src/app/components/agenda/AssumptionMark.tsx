import { useState } from "react";
import { Button, Field, Textarea } from "@fluentui/react-components";
import type { Assumption, MeetingState } from "../../../domain/meeting/state.ts";
import { Limits } from "../../../protocol/limits.ts";
import type { AssumptionStatus } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { useAgendaStyles } from "./agendaStyles.ts";

// the verdicts in the order the room reaches for them
const MARKS = ["supported", "challenged", "untested"] as const satisfies readonly AssumptionStatus[];

/** Props of {@link AssumptionMark}. */
export interface AssumptionMarkProps {
  state: MeetingState;
  assumption: Assumption;
  /** Whether the viewer may record the room's verdict now (facilitator or scribe, during the item's diagnose phase). */
  canMark: boolean;
  commands: Commands;
}

/** The room's recorded verdict on an assumption (status, evidence, who), and for those allowed, the buttons to record one with its evidence. */
export function AssumptionMark({ state, assumption, canMark, commands }: AssumptionMarkProps) {
  const shared = useAgendaStyles();
  const strings = useStrings();
  const [evidence, setEvidence] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const { outcome } = assumption;
  const evidenceLabel = strings.t("prework.evidence");

  const handleMark = async (status: AssumptionStatus) => {
    const text = evidence.trim();
    // a verdict needs the evidence behind it; "untested" is the absence of one
    if (text === "" && status !== "untested") {
      setProblem(strings.t("mark.evidenceNeeded"));
      return;
    }
    setProblem(undefined);
    if (await commands.send({ type: "assumption.mark", payload: { assumptionId: assumption.assumptionId, status, evidence: text } })) setEvidence("");
  };

  return (
    <>
      {outcome ? (
        <div data-testid="assumption-mark-outcome" data-status={outcome.status} data-marked-by={outcome.markedBy}>
          <p className={shared.text}>
            {strings.t("mark.by", { status: strings.t(`status.${outcome.status}`), name: participantName(state, outcome.markedBy, strings.t("participant.unknown")) })}
          </p>
          {outcome.evidence ? <p className={shared.secondary}>{strings.t("summary.evidence", { text: outcome.evidence })}</p> : null}
        </div>
      ) : null}
      {canMark ? (
        <div className={shared.form} data-testid="assumption-mark-form">
          <Field label={evidenceLabel} hint={problem ? undefined : strings.t("mark.evidenceHint")} validationState={problem ? "error" : "none"} validationMessage={problem}>
            <Textarea value={evidence} maxLength={Limits.maxEvidenceLength} resize="vertical" onChange={(_, data) => setEvidence(data.value)} data-testid="assumption-mark-evidence" />
          </Field>
          <div className={shared.actions}>
            {MARKS.map((status) => (
              <Button key={status} size="small" disabledFocusable={commands.isInFlight("assumption.mark")} onClick={() => void handleMark(status)} data-testid={`assumption-mark-${status}`}>
                {strings.t(`mark.${status}`)}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
    </>
  );
}
