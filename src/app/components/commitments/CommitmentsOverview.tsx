import { mergeClasses } from "@fluentui/react-components";
import { allCommitments, isOverdue, syncSummary } from "../../../domain/commitments/selectors.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import "../../i18n/commitmentsMessages.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { serverNow, type ServerClock } from "../../realtime/serverClock.ts";
import { TextBadge } from "../TextBadge.tsx";
import { CommitmentProgress } from "./CommitmentProgress.tsx";
import { formatDueDate, ownerNames } from "./commitmentFormat.ts";
import { useCommitmentStyles } from "./commitmentStyles.ts";
import { SyncStatus } from "./SyncStatus.tsx";
import { usePlannerTarget, withChosenTarget } from "./usePlannerTarget.ts";
import { WhereTasksGo } from "./WhereTasksGo.tsx";

/** Props of {@link CommitmentsOverview}. */
export interface CommitmentsOverviewProps {
  state: MeetingState;
  viewerId: string;
  serverClock: ServerClock;
}

/**
 * The meeting tab's commitments: every one with owners, due date, the progress read back from
 * Planner (percent complete, done, overdue) and where it stands with Planner, with a count of each.
 */
export function CommitmentsOverview({ state, viewerId, serverClock }: CommitmentsOverviewProps) {
  const styles = useCommitmentStyles();
  const strings = useStrings();
  const commitments = allCommitments(state);
  const target = withChosenTarget(usePlannerTarget(state.meetingId, commitments.length), state);
  const now = serverNow(serverClock, Date.now());
  const open = commitments.filter((commitment) => commitment.status === "open");
  const done = open.filter((commitment) => commitment.progress !== null && (commitment.progress.completedAt !== null || commitment.progress.percentComplete === 100)).length;
  const overdue = open.filter((commitment) => isOverdue(commitment, now)).length;
  const hasTarget = target.status === "ready" && target.target !== null;
  return (
    <section className={styles.section} aria-labelledby="tab-commitments-heading" data-testid="tab-commitments">
      <h2 id="tab-commitments-heading" className={styles.heading}>
        {strings.t("commitments.heading")}
      </h2>
      <p className={styles.text}>{strings.t("commitments.tab.intro")}</p>
      <WhereTasksGo state={state} target={target} />
      {commitments.length === 0 ? (
        <p className={styles.secondary}>{strings.t("commitments.none")}</p>
      ) : (
        <>
          <p className={styles.text} data-testid="tab-commitments-summary">
            {strings.t("commitments.summary", { synced: syncSummary(state).byState.synced, total: commitments.length, done, overdue })}
          </p>
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col" className={styles.cell}>{strings.t("commitments.table.title")}</th>
                  <th scope="col" className={styles.cell}>{strings.t("commitments.table.owners")}</th>
                  <th scope="col" className={styles.cell}>{strings.t("commitments.table.due")}</th>
                  <th scope="col" className={styles.cell}>{strings.t("commitments.table.progress")}</th>
                  <th scope="col" className={styles.cell}>{strings.t("commitments.table.planner")}</th>
                </tr>
              </thead>
              <tbody>
                {commitments.map((commitment) => {
                  const isMine = commitment.ownerIds.includes(viewerId);
                  const isCancelled = commitment.status === "cancelled";
                  return (
                    <tr key={commitment.commitmentId} data-testid="tab-commitment" data-commitment-id={commitment.commitmentId} data-percent={commitment.progress?.percentComplete ?? ""}>
                      <th scope="row" className={mergeClasses(styles.cell, isCancelled && styles.struck)}>
                        {commitment.title}{" "}
                        {isMine ? <TextBadge tone="brand">{strings.t("commitments.yours")}</TextBadge> : null}
                        {isCancelled ? <TextBadge tone="informative">{strings.t("commitments.cancelled")}</TextBadge> : null}
                      </th>
                      <td className={styles.cell}>{ownerNames(strings, state, commitment.ownerIds)}</td>
                      <td className={styles.cell}>{formatDueDate(strings, commitment.dueDate)}</td>
                      <td className={styles.cell}>{isCancelled ? null : <CommitmentProgress commitment={commitment} now={now} />}</td>
                      <td className={styles.cell}>
                        <SyncStatus commitment={commitment} hasTarget={hasTarget} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
