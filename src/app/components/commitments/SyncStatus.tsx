import { Button, Link, mergeClasses } from "@fluentui/react-components";
import { ArrowSyncRegular, CheckmarkCircleRegular, ClockRegular, ErrorCircleRegular, OpenRegular } from "@fluentui/react-icons";
import type { Commitment } from "../../../protocol/commitmentSnapshot.ts";
import "../../i18n/commitmentsMessages.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useCommitmentStyles } from "./commitmentStyles.ts";

/** Props of {@link SyncStatus}. */
export interface SyncStatusProps {
  commitment: Commitment;
  /** False while the space has no Planner plan: pending then means "kept in Concord". */
  hasTarget: boolean;
  /** Shows Retry for a failed write when set (facilitators, the scribe and owners). */
  onRetry?: (() => void) | undefined;
  isRetrying?: boolean;
}

/** Where one commitment stands with Planner, in words and an icon: waiting, sending, in Planner (with a link), or refused with Planner's reason. */
export function SyncStatus({ commitment, hasTarget, onRetry, isRetrying = false }: SyncStatusProps) {
  const styles = useCommitmentStyles();
  const strings = useStrings();
  const { sync, title } = commitment;
  if (sync.state === "synced") {
    return (
      <div className={mergeClasses(styles.sync, styles.synced)} data-testid="commitment-sync" data-sync-state="synced">
        <CheckmarkCircleRegular className={styles.syncIcon} aria-hidden="true" />
        <span>{strings.t("commitments.sync.synced")}</span>
        {sync.taskUrl ? (
          <Link href={sync.taskUrl} target="_blank" rel="noreferrer" aria-label={strings.t("commitments.openInPlannerLabel", { title })} data-testid="commitment-task-link">
            {strings.t("commitments.openInPlanner")} <OpenRegular aria-hidden="true" />
          </Link>
        ) : null}
      </div>
    );
  }
  if (sync.state === "failed") {
    const reason = sync.failure?.reason ?? "";
    return (
      <div className={mergeClasses(styles.sync, styles.failed)} data-testid="commitment-sync" data-sync-state="failed">
        <ErrorCircleRegular className={styles.syncIcon} aria-hidden="true" />
        <span>{strings.t(sync.failure?.isRetryable ? "commitments.sync.retrying" : "commitments.sync.failed", { reason })}</span>
        {onRetry ? (
          <Button size="small" disabledFocusable={isRetrying} onClick={onRetry} aria-label={strings.t("commitments.retryLabel", { title })} data-testid="commitment-retry">
            {strings.t("commitments.retry")}
          </Button>
        ) : null}
      </div>
    );
  }
  const isSyncing = sync.state === "syncing";
  const Icon = isSyncing ? ArrowSyncRegular : ClockRegular;
  return (
    <div className={mergeClasses(styles.sync, styles.waiting)} data-testid="commitment-sync" data-sync-state={sync.state}>
      <Icon className={styles.syncIcon} aria-hidden="true" />
      <span>{strings.t(isSyncing ? "commitments.sync.syncing" : hasTarget ? "commitments.sync.pending" : "commitments.sync.pendingNoPlan")}</span>
    </div>
  );
}
