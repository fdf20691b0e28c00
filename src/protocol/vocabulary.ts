// The meeting's fixed vocabularies as plain constants: the domain and the tab read them without
// shipping zod, and the schemas in fields.ts are built from the same lists.

/** An agenda item's phases in the only order the room walks them. */
export const PHASES = ["diagnose", "options", "tradeoffs", "commit"] as const;
export type Phase = (typeof PHASES)[number];

/** Roles Concord hands out per agenda item, in the order rotation fills them. */
export const APP_ROLES = ["facilitator", "timekeeper", "scribe", "challenger"] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** How an item's decision is reached; the charter sets the meeting's default. */
export const DECISION_RULES = ["consent", "consensus", "majority", "supermajority", "singleDecider"] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

/** Starting points for an agenda; see the domain's templates.ts for what each adds. */
export const AGENDA_TEMPLATES = ["strategicOffsite", "quarterlyPriorities", "blank"] as const;
export type AgendaTemplate = (typeof AGENDA_TEMPLATES)[number];

export const CONFIDENCE_LEVELS = ["low", "medium", "high"] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const ASSUMPTION_STATUSES = ["untested", "supported", "challenged"] as const;
export type AssumptionStatus = (typeof ASSUMPTION_STATUSES)[number];

/** `rotate` hands roles on at each item; `fixed` keeps each role with its holder while they are present. */
export const ROTATION_POLICIES = ["rotate", "fixed"] as const;
export type RotationPolicy = (typeof ROTATION_POLICIES)[number];

/** pending → active → done; only the item the room is on is active. */
export const ITEM_STATUSES = ["pending", "active", "done"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** An item is debated until the facilitator closes debate; only then can a decision be formed. */
export const ITEM_MODES = ["debating", "decision"] as const;
export type ItemMode = (typeof ITEM_MODES)[number];

export const MEETING_STATUSES = ["notStarted", "running", "ended"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MINUTE_MS = 60_000;
