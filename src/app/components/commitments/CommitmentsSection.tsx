import { useState } from "react";
import { Button, ToggleButton } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { allCommitments, commitmentsForItem, isCommitmentKeeper, isCommitPhase } from "../../../domain/commitments/selectors.ts";
import { currentItemId, isPresent } from "../../../domain/roles/holders.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import "../../i18n/commitmentsMessages.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { serverNow, type ServerClock } from "../../realtime/serverClock.ts";
import { CommitmentCard } from "./CommitmentCard.tsx";
import { CommitmentForm } from "./CommitmentForm.tsx";
import { newDraft } from "./commitmentDraft.ts";
import { useCommitmentStyles } from "./commitmentStyles.ts";
import { usePlannerTarget, withChosenTarget } from "./usePlannerTarget.ts";
import { WhereTasksGo } from "./WhereTasksGo.tsx";

/** Props of {@link CommitmentsSection}. */
export interface CommitmentsSectionProps {
  state: MeetingState;
  viewerId: string;
  clock: ServerClock;
  commands: Commands;
}

/**
 * The side panel's commitments: where their tasks go in Planner and how far a batch has got, the
 * capture form (facilitators and the scribe at any time, everyone for their own in the commit
 * phase), and the current item's commitments or all of them, each with progress and sync state.
 */
export function CommitmentsSection({ state, viewerId, clock, commands }: CommitmentsSectionProps) {
  const styles = useCommitmentStyles();
  const strings = useStrings();
  const itemId = currentItemId(state);
  const [show, setShow] = useState<"current" | "all">("current");
  const [isCapturing, setIsCapturing] = useState(false);
  const all = allCommitments(state);
  const target = withChosenTarget(usePlannerTarget(state.meetingId, all.length), state);
  const now = serverNow(clock, Date.now());
  const shown = show === "current" && itemId !== null ? commitmentsForItem(state, itemId) : all;
  const canCapture = isPresent(state, viewerId) && (isCommitmentKeeper(state, viewerId) || isCommitPhase(state));
  const hasTarget = target.status === "ready" && target.target !== null;

  return (
    <section className={styles.section} aria-labelledby="commitments-heading" data-testid="commitments-section">
      <h2 id="commitments-heading" className={styles.heading}>
        {strings.t("commitments.heading")}
      </h2>
      <WhereTasksGo state={state} target={target} />
      {isCapturing ? (
        <CommitmentForm
          state={state}
          viewerId={viewerId}
          initial={newDraft(viewerId, itemId, now)}
          now={now}
          isBusy={commands.isInFlight("commitment.capture")}
          onCancel={() => setIsCapturing(false)}
          onSubmit={async (draft) => {
            const isSent = await commands.send({
              type: "commitment.capture",
              payload: { title: draft.title, ownerIds: draft.ownerIds, dueDate: draft.dueDate, itemId: draft.itemId, ...(draft.notes === "" ? {} : { notes: draft.notes }) },
            });
            if (isSent) setIsCapturing(false);
          }}
        />
      ) : canCapture ? (
        <div>
          <Button icon={<AddRegular />} onClick={() => setIsCapturing(true)} data-testid="commitment-add">
            {strings.t("commitments.add")}
          </Button>
        </div>
      ) : (
        <p className={styles.secondary}>{strings.t("commitments.whoCaptures")}</p>
      )}
      {itemId !== null ? (
        <div className={styles.actions} role="group" aria-label={strings.t("commitments.filterLabel")}>
          <ToggleButton size="small" checked={show === "current"} onClick={() => setShow("current")} data-testid="commitments-show-current">
            {strings.t("commitments.showCurrent")}
          </ToggleButton>
          <ToggleButton size="small" checked={show === "all"} onClick={() => setShow("all")} data-testid="commitments-show-all">
            {`${strings.t("commitments.showAll")} (${all.length})`}
          </ToggleButton>
        </div>
      ) : null}
      {shown.length === 0 ? (
        <p className={styles.secondary}>{strings.t(show === "current" && itemId !== null ? "commitments.noneForItem" : "commitments.none")}</p>
      ) : (
        <ul className={styles.list} data-testid="commitments-list">
          {shown.map((commitment) => (
            <CommitmentCard key={commitment.commitmentId} state={state} commitment={commitment} viewerId={viewerId} hasTarget={hasTarget} now={now} commands={commands} />
          ))}
        </ul>
      )}
    </section>
  );
}
