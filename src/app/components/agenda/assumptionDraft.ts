import type { Assumption } from "../../../domain/meeting/state.ts";
import { Limits } from "../../../protocol/limits.ts";
import type { Confidence } from "../../../protocol/vocabulary.ts";
import { linkProblem, textProblem, type FieldProblem } from "./fieldProblems.ts";

/** An assumption as typed into the form. */
export interface AssumptionDraft {
  statement: string;
  evidence: string;
  dataLink: string;
  confidence: Confidence;
}

/** The trimmed values to send; an empty link is null. */
export interface AssumptionValues {
  statement: string;
  evidence: string;
  dataLink: string | null;
  confidence: Confidence;
}

/** Each field's problem, if it has one. */
export interface AssumptionProblems {
  statement: FieldProblem | null;
  evidence: FieldProblem | null;
  dataLink: FieldProblem | null;
}

/** The form's starting point: an existing assumption, or an empty one at medium confidence. */
export function assumptionDraftOf(assumption: Assumption | null): AssumptionDraft {
  return {
    statement: assumption?.statement ?? "",
    evidence: assumption?.evidence ?? "",
    dataLink: assumption?.dataLink ?? "",
    confidence: assumption?.confidence ?? "medium",
  };
}

/** Checks an assumption against the server's limits: the values to send, or each field's problem. */
export function checkAssumption(draft: AssumptionDraft): { ok: true; values: AssumptionValues } | { ok: false; problems: AssumptionProblems } {
  const problems: AssumptionProblems = {
    statement: textProblem(draft.statement, Limits.maxStatementLength, true),
    evidence: textProblem(draft.evidence, Limits.maxEvidenceLength, false),
    dataLink: linkProblem(draft.dataLink, false),
  };
  if (problems.statement || problems.evidence || problems.dataLink) return { ok: false, problems };
  const dataLink = draft.dataLink.trim();
  return { ok: true, values: { statement: draft.statement.trim(), evidence: draft.evidence.trim(), dataLink: dataLink === "" ? null : dataLink, confidence: draft.confidence } };
}
