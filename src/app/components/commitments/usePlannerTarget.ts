import { useEffect, useState } from "react";
import type { PlannerTarget } from "../../../protocol/commitmentTarget.ts";
import { getAuthToken } from "../../../teams/authToken.ts";
import { fetchPlannerTarget } from "../../api/planner.ts";

/** Where the meeting's commitments go in Planner, as far as the tab knows. */
export type PlannerTargetView =
  | { status: "loading" }
  | { status: "ready"; target: PlannerTarget | null; canChange: boolean }
  | { status: "failed"; reason: string };

/**
 * Asks the server where this meeting's space sends its tasks, again whenever `refreshKey` changes
 * (a new commitment is a good moment: the target may have been chosen since).
 */
export function usePlannerTarget(meetingId: string, refreshKey: unknown = null): PlannerTargetView {
  const [view, setView] = useState<PlannerTargetView>({ status: "loading" });
  useEffect(() => {
    let isCurrent = true;
    fetchPlannerTarget(meetingId, getAuthToken).then(
      ({ target, canChange }) => isCurrent && setView({ status: "ready", target, canChange }),
      (error: unknown) => isCurrent && setView({ status: "failed", reason: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [meetingId, refreshKey]);
  return view;
}
