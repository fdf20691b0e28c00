import { mergeClasses } from "@fluentui/react-components";
import { isOverdue } from "../../../domain/commitments/selectors.ts";
import type { Commitment } from "../../../protocol/commitmentSnapshot.ts";
import "../../i18n/commitmentsMessages.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { formatDueDate } from "./commitmentFormat.ts";
import { useCommitmentStyles } from "./commitmentStyles.ts";

/** Props of {@link CommitmentProgress}. */
export interface CommitmentProgressProps {
  commitment: Commitment;
  now: number;
}

/** Progress read back from Planner (percent, done), overdue, and a due date an owner moved there. */
export function CommitmentProgress({ commitment, now }: CommitmentProgressProps) {
  const styles = useCommitmentStyles();
  const strings = useStrings();
  const { progress } = commitment;
  const isDone = progress !== null && (progress.completedAt !== null || progress.percentComplete === 100);
  const words = progress === null ? null : isDone ? strings.t("commitments.done") : progress.percentComplete === 0 ? strings.t("commitments.notStarted") : strings.t("commitments.percent", { percent: progress.percentComplete });
  const moved = progress?.plannerDueDate && progress.plannerDueDate !== commitment.dueDate ? progress.plannerDueDate : null;
  const overdue = isOverdue(commitment, now);
  if (words === null && !overdue) return null;
  return (
    <p className={styles.secondary} data-testid="commitment-progress" data-percent={progress?.percentComplete ?? ""} data-overdue={overdue}>
      {words === null ? null : <span>{words}</span>}
      {moved ? <span>{` · ${strings.t("commitments.plannerMovedDue", { date: formatDueDate(strings, moved) })}`}</span> : null}
      {overdue ? <span className={mergeClasses(styles.overdue)}>{`${words === null && !moved ? "" : " · "}${strings.t("commitments.overdue")}`}</span> : null}
    </p>
  );
}
