import type { PhasePlan } from "../../../domain/agenda/phases.ts";
import { templateItems } from "../../../domain/agenda/templates.ts";
import type { AgendaItem } from "../../../domain/meeting/state.ts";
import { Limits } from "../../../protocol/limits.ts";
import { PHASES, type Phase } from "../../../protocol/vocabulary.ts";
import { parseMinutes, textProblem, type FieldProblem } from "./fieldProblems.ts";

/** An agenda item as typed into the form: minutes stay text until the form is checked. */
export interface ItemDraft {
  title: string;
  goal: string;
  /** "" for no owner. */
  ownerId: string;
  phases: Record<Phase, { isChosen: boolean; minutes: string }>;
}

/** What the form sends once every field is valid. */
export interface ItemValues {
  title: string;
  goal: string;
  ownerId: string | null;
  phases: PhasePlan[];
}

/** Each field's problem, if it has one; `phases` is "none chosen". */
export interface ItemProblems {
  title: FieldProblem | null;
  goal: FieldProblem | null;
  phases: boolean;
  minutes: Partial<Record<Phase, FieldProblem>>;
}

/** The form's starting point: an existing item, or a new one with the full arc at the strategic-offsite timeboxes. */
export function draftOf(item: AgendaItem | null): ItemDraft {
  const suggestions = templateItems("strategicOffsite")[0]?.phases ?? [];
  const plans = item?.phases ?? suggestions;
  const phases = Object.fromEntries(
    PHASES.map((phase) => {
      const plan = plans.find((candidate) => candidate.phase === phase);
      const suggested = plan ?? suggestions.find((candidate) => candidate.phase === phase);
      return [phase, { isChosen: plan !== undefined, minutes: suggested ? String(suggested.minutes) : "" }];
    }),
  ) as ItemDraft["phases"];
  return { title: item?.title ?? "", goal: item?.goal ?? "", ownerId: item?.ownerId ?? "", phases };
}

/** Checks a draft against the limits the server enforces: the values to send, or what is wrong. */
export function checkDraft(draft: ItemDraft): { ok: true; values: ItemValues } | { ok: false; problems: ItemProblems } {
  const problems: ItemProblems = {
    title: textProblem(draft.title, Limits.maxTitleLength, true),
    goal: textProblem(draft.goal, Limits.maxGoalLength, false),
    phases: false,
    minutes: {},
  };
  const phases: PhasePlan[] = [];
  for (const phase of PHASES) {
    const entry = draft.phases[phase];
    if (!entry.isChosen) continue;
    const parsed = parseMinutes(entry.minutes, Limits.minTimeboxMinutes, Limits.maxTimeboxMinutes);
    if (parsed.ok) phases.push({ phase, minutes: parsed.minutes });
    else problems.minutes[phase] = parsed.problem;
  }
  problems.phases = PHASES.every((phase) => !draft.phases[phase].isChosen);
  const isValid = !problems.title && !problems.goal && !problems.phases && Object.keys(problems.minutes).length === 0;
  if (!isValid) return { ok: false, problems };
  return { ok: true, values: { title: draft.title.trim(), goal: draft.goal.trim(), ownerId: draft.ownerId === "" ? null : draft.ownerId, phases } };
}
