import type { Charter } from "../../../domain/meeting/state.ts";
import { Limits } from "../../../protocol/limits.ts";
import type { AppRole, DecisionRule, RotationPolicy } from "../../../protocol/vocabulary.ts";
import { textProblem, type FieldProblem } from "./fieldProblems.ts";

/** The charter form's fields, with the rotation policy that sits beside them. */
export interface CharterDraft {
  decisionRule: DecisionRule;
  deciderIds: string[];
  groundRules: string;
  rolesInUse: AppRole[];
  rotation: RotationPolicy;
}

/** What is wrong with a charter draft; `deciders` is "more than one with a single-decider rule". */
export interface CharterProblems {
  groundRules: FieldProblem | null;
  deciders: boolean;
}

/** The form's starting point: the meeting's charter and rotation policy as they are. */
export function charterDraftOf(charter: Charter, rotation: RotationPolicy): CharterDraft {
  return { decisionRule: charter.decisionRule, deciderIds: [...charter.deciderIds], groundRules: charter.groundRules, rolesInUse: [...charter.rolesInUse], rotation };
}

/** Checks a draft as the server would, so an invalid charter is never sent. */
export function charterProblems(draft: CharterDraft): CharterProblems | null {
  const problems: CharterProblems = {
    groundRules: textProblem(draft.groundRules, Limits.maxGroundRulesLength, false),
    deciders: draft.decisionRule === "singleDecider" && draft.deciderIds.length > 1,
  };
  return problems.groundRules || problems.deciders ? problems : null;
}

/** Adds or removes one value of a list, keeping the others in order. */
export function toggled<T>(values: readonly T[], value: T, isOn: boolean): T[] {
  const without = values.filter((candidate) => candidate !== value);
  return isOn ? [...without, value] : without;
}
