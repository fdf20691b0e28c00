import { ProgressBar } from "@fluentui/react-components";
import { syncSummary } from "../../../domain/commitments/selectors.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import "../../i18n/commitmentsMessages.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useCommitmentStyles } from "./commitmentStyles.ts";
import { withChosenTarget, type PlannerTargetView } from "./plannerTargetView.ts";

/** Props of {@link WhereTasksGo}. */
export interface WhereTasksGoProps {
  state: MeetingState;
  target: PlannerTargetView;
}

/**
 * Where the meeting's tasks go in Planner (or that no plan is chosen yet, and who can choose one),
 * and while a batch is on its way, how far it has got: "Syncing 3 of 8 to Strategy 2027 › Commitments".
 * A plan chosen from this meeting shows as soon as the meeting records it.
 */
export function WhereTasksGo({ state, target: asked }: WhereTasksGoProps) {
  const target = withChosenTarget(asked, state);
  const styles = useCommitmentStyles();
  const strings = useStrings();
  const summary = syncSummary(state);
  const waiting = summary.byState.pending + summary.byState.syncing;
  if (target.status === "loading") return null;
  if (target.status === "failed") {
    return (
      <p className={styles.secondary} data-testid="commitments-where">
        {strings.t("commitments.whereUnknown", { reason: target.reason })}
      </p>
    );
  }
  if (target.target === null) {
    return (
      <div className={styles.section} data-testid="commitments-where" data-has-target="false">
        <p className={styles.secondary}>
          {strings.t("commitments.whereNone")} {strings.t(target.canChange ? "commitments.whereYou" : "commitments.whereWho")}
        </p>
        {waiting > 0 ? <p className={styles.secondary}>{strings.t("commitments.batchNoPlan", { count: waiting })}</p> : null}
      </div>
    );
  }
  const { planName, bucketName } = target.target;
  return (
    <div className={styles.section} data-testid="commitments-where" data-has-target="true">
      <p className={styles.secondary}>{strings.t("commitments.where", { plan: planName, bucket: bucketName })}</p>
      {waiting > 0 ? (
        <div data-testid="commitments-batch">
          <p className={styles.secondary} id="commitments-batch-label">
            {strings.t("commitments.batch", { done: summary.byState.synced, total: summary.total, plan: planName, bucket: bucketName })}
          </p>
          <ProgressBar value={summary.byState.synced} max={Math.max(summary.total, 1)} aria-labelledby="commitments-batch-label" thickness="medium" />
        </div>
      ) : null}
    </div>
  );
}
