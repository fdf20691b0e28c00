import { z } from "zod";
import { seededRandom } from "./random.ts";

/** The seed a fault injector starts with when none is given. */
export const DEFAULT_FAULT_SEED = 1;
/** How many applied faults the injector remembers for inspection. */
export const FAULT_HISTORY_LENGTH = 1_000;

const MethodSchema = z.enum(["GET", "POST", "PATCH", "DELETE"], "must be GET, POST, PATCH or DELETE");
const PathPatternSchema = z
  .string()
  .max(300, "must be at most 300 characters")
  .regex(/^\/[^\s]*$/, 'must start with "/" and contain no spaces, e.g. "/planner/tasks/*/details"');

// When a rule fires: with a probability per matching request, or on the next `times` matching requests;
// with neither, on every matching request.
const TriggerFields = {
  probability: z.number().min(0, "must be 0 to 1").max(1, "must be 0 to 1").optional(),
  times: z.int("must be a whole number").min(1, "must be at least 1").max(1_000_000).optional(),
};
const MatchFields = { method: MethodSchema.optional(), path: PathPatternSchema.optional() };
const RetryAfterSchema = z.int("must be a whole number of seconds").min(0).max(3_600);

/**
 * A switchable fault. Request faults match a method and a path pattern relative to `/v1.0`
 * (`*` is one segment, `**` any number: `/planner/tasks/**`, `/$batch`); they apply to direct
 * requests and to each request inside a `$batch` on its own.
 * - `throttle429`: 429 with `Retry-After` (seconds); `unavailable503` (optional `Retry-After`); `gatewayTimeout504`.
 * - `timeout`: the request is not carried out and no answer comes until the client gives up
 *   (inside a batch: that request answers 504).
 * - `createdButResponseLost`: the request is carried out, then the answer is lost — the connection is
 *   reset (`lostAs: "reset"`, default) or a 504 is sent (`lostAs: "gatewayTimeout"`); inside a batch, 504.
 * - `latency`: `ms` of delay before the request is handled; adds up with other rules.
 * - `detailsNotFoundAfterCreate`: decided when a task is created; if it fires, that task's details
 *   answer 404 to GET and PATCH for `windowMs`, like Planner's lag after a create. Takes no match.
 */
export const FaultRuleSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("throttle429"), ...MatchFields, ...TriggerFields, retryAfterSeconds: RetryAfterSchema.default(1) }),
    z.strictObject({ kind: z.literal("unavailable503"), ...MatchFields, ...TriggerFields, retryAfterSeconds: RetryAfterSchema.optional() }),
    z.strictObject({ kind: z.literal("gatewayTimeout504"), ...MatchFields, ...TriggerFields }),
    z.strictObject({ kind: z.literal("timeout"), ...MatchFields, ...TriggerFields }),
    z.strictObject({
      kind: z.literal("createdButResponseLost"),
      ...MatchFields,
      ...TriggerFields,
      lostAs: z.enum(["reset", "gatewayTimeout"]).default("reset"),
    }),
    z.strictObject({ kind: z.literal("latency"), ...MatchFields, ...TriggerFields, ms: z.int("must be a whole number").min(0).max(60_000) }),
    z.strictObject({
      kind: z.literal("detailsNotFoundAfterCreate"),
      ...TriggerFields,
      windowMs: z.int("must be a whole number").min(1).max(600_000).default(2_000),
    }),
  ])
  .refine((rule) => rule.probability === undefined || rule.times === undefined, { message: "give probability or times, not both", path: ["times"] });
export type FaultRuleInput = z.input<typeof FaultRuleSchema>;
export type FaultRule = z.output<typeof FaultRuleSchema>;

/** Body of `PUT /dev/graph-control/faults`: replaces every rule, and reseeds when `seed` is given. */
export const FaultSetSchema = z.strictObject({
  seed: z.int("must be a whole number").min(0).max(4_294_967_295).optional(),
  rules: z.array(FaultRuleSchema).max(100, "must list at most 100 rules"),
});

/** A rule as the injector holds it: its id, what is left of `times`, and how often it has fired. */
export type FaultRuleState = FaultRule & { id: string; appliedCount: number; remaining?: number };

/** A fault that changes a request's answer (latency only delays it). */
export type RequestFault = Extract<FaultRule, { kind: "throttle429" | "unavailable503" | "gatewayTimeout504" | "timeout" | "createdButResponseLost" }>;

/** What the injector decided for one request. */
export interface FaultDecision {
  latencyMs: number;
  fault: RequestFault | null;
}

/** One fault that fired, for tests and the control API. */
export interface AppliedFault {
  ruleId: string;
  kind: FaultRule["kind"];
  method: string;
  path: string;
  isInBatch: boolean;
}

/**
 * Decides, request by request, which faults fire. All chance comes from one seeded generator drawn
 * in request order, so the same seed and the same requests give the same faults.
 */
export interface FaultInjector {
  add(rule: FaultRuleInput): FaultRuleState;
  remove(id: string): boolean;
  /** Replaces every rule; with a seed, restarts the generator from it. */
  replace(rules: readonly FaultRuleInput[], seed?: number): void;
  clear(): void;
  reseed(seed: number): void;
  readonly seed: number;
  list(): FaultRuleState[];
  /** The faults that fired, oldest first (the last {@link FAULT_HISTORY_LENGTH}). */
  history(): AppliedFault[];
  decide(request: { method: string; path: string; isInBatch: boolean }): FaultDecision;
  /** How long a task created now keeps its details hidden (0: not at all). */
  detailsDelayForNewTask(request: { method: string; path: string; isInBatch: boolean }): number;
}

/** Creates an injector with no rules. */
export function createFaultInjector(seed = DEFAULT_FAULT_SEED): FaultInjector {
  let rules: FaultRuleState[] = [];
  let currentSeed = seed;
  let random = seededRandom(seed);
  let nextId = 1;
  const applied: AppliedFault[] = [];
  const reseed = (newSeed: number) => {
    currentSeed = newSeed;
    random = seededRandom(newSeed);
  };

  const toState = (input: FaultRuleInput): FaultRuleState => {
    const rule = FaultRuleSchema.parse(input);
    return { ...rule, id: `fault-${nextId++}`, appliedCount: 0, ...(rule.times === undefined ? {} : { remaining: rule.times }) };
  };
  const fires = (rule: FaultRuleState): boolean => {
    if (rule.remaining !== undefined) return rule.remaining > 0;
    if (rule.probability === undefined) return true;
    return random() < rule.probability;
  };
  const record = (rule: FaultRuleState, request: { method: string; path: string; isInBatch: boolean }) => {
    rule.appliedCount += 1;
    if (rule.remaining !== undefined) rule.remaining -= 1;
    applied.push({ ruleId: rule.id, kind: rule.kind, method: request.method, path: request.path, isInBatch: request.isInBatch });
    if (applied.length > FAULT_HISTORY_LENGTH) applied.shift();
  };

  return {
    add(input) {
      const state = toState(input);
      rules.push(state);
      return state;
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((rule) => rule.id !== id);
      return rules.length < before;
    },
    replace(inputs, newSeed) {
      // parse all first: one bad rule must leave the current set as it was
      const states = inputs.map(toState);
      rules = states;
      if (newSeed !== undefined) reseed(newSeed);
    },
    clear() {
      rules = [];
    },
    reseed,
    get seed() {
      return currentSeed;
    },
    list: () => rules.map((rule) => ({ ...rule })),
    history: () => [...applied],
    decide(request) {
      let latencyMs = 0;
      let fault: RequestFault | null = null;
      for (const rule of rules) {
        if (rule.kind === "detailsNotFoundAfterCreate" || !matches(rule, request)) continue;
        // once a fault is chosen, later rules are not drawn for, so their counts and the generator stay put
        if (rule.kind !== "latency" && fault !== null) continue;
        if (!fires(rule)) continue;
        record(rule, request);
        if (rule.kind === "latency") latencyMs += rule.ms;
        else fault = rule;
      }
      return { latencyMs, fault };
    },
    detailsDelayForNewTask(request) {
      for (const rule of rules) {
        if (rule.kind !== "detailsNotFoundAfterCreate" || !fires(rule)) continue;
        record(rule, request);
        return rule.windowMs;
      }
      return 0;
    },
  };
}

function matches(rule: { method?: string; path?: string }, request: { method: string; path: string }): boolean {
  if (rule.method !== undefined && rule.method !== request.method) return false;
  return rule.path === undefined || pathMatches(rule.path, request.path);
}

/** True when `path` fits `pattern`: segments compare literally, `*` takes one segment, `**` any number. */
export function pathMatches(pattern: string, path: string): boolean {
  const wanted = pattern.split("/").filter(Boolean);
  const actual = path.split("/").filter(Boolean);
  const match = (wantedIndex: number, actualIndex: number): boolean => {
    if (wantedIndex === wanted.length) return actualIndex === actual.length;
    const segment = wanted[wantedIndex];
    if (segment === "**") {
      for (let skip = actualIndex; skip <= actual.length; skip++) if (match(wantedIndex + 1, skip)) return true;
      return false;
    }
    if (actualIndex === actual.length) return false;
    return (segment === "*" || segment === actual[actualIndex]) && match(wantedIndex + 1, actualIndex + 1);
  };
  return match(0, 0);
}
