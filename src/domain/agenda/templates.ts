import type { AgendaTemplate, TemplateLanguage } from "../../protocol/vocabulary.ts";
import type { PhasePlan } from "./phases.ts";

/** One item a template proposes: a numbered prompt for the organizer to rename, and its phases. */
export interface TemplateItem {
  title: string;
  phases: PhasePlan[];
}

// A strategic question needs the full arc; tradeoffs (criteria, scoring, interests) take longest.
// Three such items make a 4½-hour working session, the core of an offsite day.
const offsitePhases: PhasePlan[] = [
  { phase: "diagnose", minutes: 20 },
  { phase: "options", minutes: 25 },
  { phase: "tradeoffs", minutes: 30 },
  { phase: "commit", minutes: 15 },
];

// Quarterly priorities are usually known candidates: check the assumptions, weigh, commit.
// Generating new options is left out; three items fit a two-hour meeting (105 minutes).
const quarterlyPhases: PhasePlan[] = [
  { phase: "diagnose", minutes: 10 },
  { phase: "tradeoffs", minutes: 15 },
  { phase: "commit", minutes: 10 },
];

// The prompts become stored titles, so they are written in the meeting's language when it is added.
const numberedPrompts: Record<TemplateLanguage, Record<"strategicOffsite" | "quarterlyPriorities", (n: number) => string>> = {
  en: { strategicOffsite: (n) => `Strategic question ${n}`, quarterlyPriorities: (n) => `Priority ${n}` },
  fr: { strategicOffsite: (n) => `Question stratégique ${n}`, quarterlyPriorities: (n) => `Priorité ${n}` },
};

/**
 * The items a template adds, in order. Titles are numbered prompts ("Priority 1"), never invented
 * content; goals and owners are left for the organizer. `blank` adds nothing.
 */
export function templateItems(template: AgendaTemplate, language: TemplateLanguage = "en"): TemplateItem[] {
  switch (template) {
    case "strategicOffsite":
      return [1, 2, 3].map((n) => ({ title: numberedPrompts[language].strategicOffsite(n), phases: offsitePhases.map((plan) => ({ ...plan })) }));
    case "quarterlyPriorities":
      return [1, 2, 3].map((n) => ({ title: numberedPrompts[language].quarterlyPriorities(n), phases: quarterlyPhases.map((plan) => ({ ...plan })) }));
    case "blank":
      return [];
  }
}
