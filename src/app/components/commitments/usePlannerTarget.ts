import { useEffect, useMemo, useState } from "react";
import { getAuthToken } from "../../../teams/authToken.ts";
import { fetchPlannerTarget } from "../../api/planner.ts";
import type { PlannerTargetView } from "./plannerTargetView.ts";

export { withChosenTarget, type PlannerTargetView } from "./plannerTargetView.ts";

/**
 * Asks the server where this meeting's space sends its tasks, again whenever `refreshKey` changes
 * (a new commitment is a good moment: the target may have been chosen in another meeting since).
 * A choice made from this meeting needs no new request: see {@link withChosenTarget}.
 */
export function usePlannerTarget(meetingId: string, refreshKey: unknown = null): PlannerTargetView {
  const [view, setView] = useState<PlannerTargetView>({ status: "loading" });
  const caller = useMemo(() => ({ meetingId, getToken: getAuthToken }), [meetingId]);
  useEffect(() => {
    let isCurrent = true;
    fetchPlannerTarget(caller).then(
      ({ target, canChange }) => isCurrent && setView({ status: "ready", target, canChange }),
      (error: unknown) => isCurrent && setView({ status: "failed", reason: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [caller, refreshKey]);
  return view;
}
