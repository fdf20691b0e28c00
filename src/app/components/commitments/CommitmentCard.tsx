import { useState } from "react";
import { Button, mergeClasses } from "@fluentui/react-components";
import { canEditCommitment, canRetryCommitmentSync } from "../../../domain/commitments/selectors.ts";
import { itemOf } from "../../../domain/agenda/selectors.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Commitment } from "../../../protocol/commitmentSnapshot.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import "../../i18n/commitmentsMessages.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { TextBadge } from "../TextBadge.tsx";
import { CommitmentForm } from "./CommitmentForm.tsx";
import { CommitmentProgress } from "./CommitmentProgress.tsx";
import { draftOf } from "./commitmentDraft.ts";
import { formatDueDate, ownerNames } from "./commitmentFormat.ts";
import { useCommitmentStyles } from "./commitmentStyles.ts";
import { SyncStatus } from "./SyncStatus.tsx";

/** Props of {@link CommitmentCard}. */
export interface CommitmentCardProps {
  state: MeetingState;
  commitment: Commitment;
  viewerId: string;
  hasTarget: boolean;
  now: number;
  commands: Commands;
}

/**
 * One commitment: title, owners, due date, the item it comes from, its progress and sync state, and
 * what the viewer may do with it (edit, cancel, retry). The viewer's own are marked "Yours".
 */
export function CommitmentCard({ state, commitment, viewerId, hasTarget, now, commands }: CommitmentCardProps) {
  const styles = useCommitmentStyles();
  const strings = useStrings();
  const [mode, setMode] = useState<"view" | "edit" | "confirmCancel">("view");
  const { commitmentId, title } = commitment;
  const isMine = commitment.ownerIds.includes(viewerId);
  const isCancelled = commitment.status === "cancelled";
  const canEdit = !isCancelled && canEditCommitment(state, commitment, viewerId);
  const canRetry = commitment.sync.state === "failed" && canRetryCommitmentSync(state, commitment, viewerId);
  const item = commitment.itemId === null ? undefined : itemOf(state, commitment.itemId);

  if (mode === "edit") {
    return (
      <li>
        <CommitmentForm
          state={state}
          viewerId={viewerId}
          initial={draftOf(commitment)}
          previousDueDate={commitment.dueDate}
          now={now}
          isBusy={commands.isInFlight("commitment.edit")}
          onCancel={() => setMode("view")}
          onSubmit={async (draft) => {
            const isSent = await commands.send({
              type: "commitment.edit",
              payload: { commitmentId, title: draft.title, ownerIds: draft.ownerIds, dueDate: draft.dueDate, notes: draft.notes, itemId: draft.itemId },
            });
            if (isSent) setMode("view");
          }}
        />
      </li>
    );
  }

  return (
    <li
      className={mergeClasses(styles.card, isMine && styles.mine, isCancelled && styles.cancelled)}
      data-testid="commitment"
      data-commitment-id={commitmentId}
      data-mine={isMine}
      data-sync-state={commitment.sync.state}
    >
      <div className={styles.titleRow}>
        <h4 className={mergeClasses(styles.title, isCancelled && styles.struck)} data-testid="commitment-title">
          {title}
        </h4>
        <span className={styles.badges}>
          {isMine ? <TextBadge tone="brand">{strings.t("commitments.yours")}</TextBadge> : null}
          {isCancelled ? (
            <TextBadge tone="informative">{strings.t(commitment.cancellation?.source === "planner" ? "commitments.cancelledInPlanner" : "commitments.cancelled")}</TextBadge>
          ) : null}
        </span>
      </div>
      <p className={styles.secondary} data-testid="commitment-owners">
        {strings.t("commitments.owners", { names: ownerNames(strings, state, commitment.ownerIds) })}
      </p>
      <p className={styles.secondary}>
        {strings.t("commitments.due", { date: formatDueDate(strings, commitment.dueDate) })}
        {item ? ` · ${strings.t("commitments.fromItem", { item: item.title })}` : null}
      </p>
      {isCancelled ? null : <CommitmentProgress commitment={commitment} now={now} />}
      <SyncStatus
        commitment={commitment}
        hasTarget={hasTarget}
        onRetry={canRetry ? () => void commands.send({ type: "commitment.retrySync", payload: { commitmentId } }) : undefined}
        isRetrying={commands.isInFlight("commitment.retrySync")}
      />
      {mode === "confirmCancel" ? (
        <div className={styles.actions} role="group" aria-label={strings.t("commitments.cancelLabel", { title })}>
          <p className={styles.text}>{strings.t("commitments.confirmCancel", { title })}</p>
          <Button
            size="small"
            appearance="primary"
            disabledFocusable={commands.isInFlight("commitment.cancel")}
            data-testid="commitment-confirm-cancel"
            onClick={() => void commands.send({ type: "commitment.cancel", payload: { commitmentId } }).then(() => setMode("view"))}
          >
            {strings.t("commitments.cancelCommitment")}
          </Button>
          <Button size="small" onClick={() => setMode("view")}>
            {strings.t("commitments.keep")}
          </Button>
        </div>
      ) : canEdit ? (
        <div className={styles.actions}>
          <Button size="small" onClick={() => setMode("edit")} aria-label={strings.t("commitments.editLabel", { title })} data-testid="commitment-edit">
            {strings.t("commitments.edit")}
          </Button>
          <Button size="small" onClick={() => setMode("confirmCancel")} aria-label={strings.t("commitments.cancelLabel", { title })} data-testid="commitment-cancel">
            {strings.t("commitments.cancelCommitment")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
