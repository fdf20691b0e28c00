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

/** Languages the template titles come in; the tab sends the one it shows. */
export const TEMPLATE_LANGUAGES = ["en", "fr"] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** Why an item came from an earlier meeting: left unfinished there, or a parked point promoted for later. */
export const CARRY_OVER_REASONS = ["unfinished", "parked"] as const;
export type CarryOverReason = (typeof CARRY_OVER_REASONS)[number];

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

/**
 * Kinds of speaking-queue entry, most urgent first: the queue is ordered by kind before anything
 * else. A participant holds at most one entry of each kind.
 */
export const ENTRY_KINDS = ["pointOfOrder", "clarifyingQuestion", "reply", "newPoint"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * How entries of one kind are ordered: `fifo` by arrival; `progressive` the less heard first (each
 * minute of floor time already had in the meeting counts as raising the hand four minutes later),
 * then arrival; `roundRobin` by arrival, while rounds a facilitator starts give everyone present
 * one turn each.
 */
export const QUEUE_POLICIES = ["fifo", "progressive", "roundRobin"] as const;
export type QueuePolicy = (typeof QUEUE_POLICIES)[number];

/** A commitment is open until someone cancels it, in Concord or by deleting its task in Planner. */
export const COMMITMENT_STATUSES = ["open", "cancelled"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/**
 * Where a commitment's latest revision stands with Planner: `pending` until the worker takes it,
 * `syncing` while it writes, `synced` once Planner holds that revision, `failed` with a reason.
 */
export const SYNC_STATES = ["pending", "syncing", "synced", "failed"] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const MINUTE_MS = 60_000;
