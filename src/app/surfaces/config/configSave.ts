import type { PlannerTarget } from "../../../protocol/commitmentTarget.ts";
import type { PlannerBucketOption } from "../../../protocol/plannerRest.ts";
import { createPlannerBucket, savePlannerTarget, type PlannerCaller } from "../../api/planner.ts";

/** The bucket choice that means "make a new one". */
export const NEW_BUCKET = "__new__";

/** What the settings page's Planner picker holds at a given moment. */
export interface PickerState {
  /** The viewer may choose (the organizer or a facilitator) and their plans are listed. */
  canChoose: boolean;
  /** The space's target as the server last told it. */
  current: PlannerTarget | null;
  /** "" while no plan is picked. */
  planId: string;
  /** A bucket of the plan, {@link NEW_BUCKET}, or "". */
  bucketId: string;
  newBucketName: string;
  /** The picked plan's buckets once listed; null while they load or when listing them failed. */
  buckets: readonly PlannerBucketOption[] | null;
}

/** Why the picker's choice cannot be saved yet; Teams' Save stays disabled meanwhile. */
export type IncompleteChoice = "bucketsNotListed" | "missingBucket" | "nameEmpty";

/**
 * What Teams' Save writes to Planner: nothing (`keep`: no plan picked, or the target as it is,
 * since Concord works without Planner), a bucket of the plan, or a new bucket made first.
 */
export type TargetChoice =
  | { kind: "keep" }
  | { kind: "incomplete"; problem: IncompleteChoice }
  | { kind: "existing"; planId: string; bucketId: string }
  | { kind: "newBucket"; planId: string; name: string };

/** Reads the picker as a choice; the page is valid exactly when the choice is not `incomplete`. */
export function targetChoiceOf(picker: PickerState): TargetChoice {
  const { canChoose, current, planId, bucketId, buckets } = picker;
  if (!canChoose || planId === "") return { kind: "keep" };
  if (current !== null && current.planId === planId && current.bucketId === bucketId) return { kind: "keep" };
  if (buckets === null) return { kind: "incomplete", problem: "bucketsNotListed" };
  if (bucketId === NEW_BUCKET) {
    const name = picker.newBucketName.trim();
    return name === "" ? { kind: "incomplete", problem: "nameEmpty" } : { kind: "newBucket", planId, name };
  }
  if (!buckets.some((bucket) => bucket.id === bucketId)) return { kind: "incomplete", problem: "missingBucket" };
  return { kind: "existing", planId, bucketId };
}

/**
 * Writes a choice: makes the new bucket first when one was asked for (reported through
 * `onBucketCreated` at once, so a Save pressed again after a later failure reuses it rather than
 * making a second one), then saves the target. Resolves with the saved target, or null for `keep`.
 */
export async function saveTargetChoice(
  caller: PlannerCaller,
  choice: TargetChoice,
  onBucketCreated: (bucket: PlannerBucketOption) => void = () => undefined,
): Promise<PlannerTarget | null> {
  switch (choice.kind) {
    case "keep":
      return null;
    case "incomplete":
      throw new Error(`the choice is incomplete (${choice.problem})`);
    case "existing":
      return (await savePlannerTarget(caller, { planId: choice.planId, bucketId: choice.bucketId })).target;
    case "newBucket": {
      const bucket = await createPlannerBucket(caller, choice.planId, choice.name);
      onBucketCreated(bucket);
      return (await savePlannerTarget(caller, { planId: choice.planId, bucketId: bucket.id })).target;
    }
  }
}

/** Which part of Teams' Save failed, and whether where tasks go was saved before it did. */
export class ConfigSaveError extends Error {
  constructor(
    readonly step: "target" | "tab",
    readonly isTargetSaved: boolean,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "ConfigSaveError";
  }
}

/**
 * Teams' one Save: where tasks go first (Planner may refuse it, and then the tab is not added with a
 * choice silently lost), then the tab's settings. Rejects with a {@link ConfigSaveError}.
 */
export async function saveConfiguration(steps: { saveTarget: () => Promise<PlannerTarget | null>; saveTab: () => Promise<void> }): Promise<void> {
  let saved: PlannerTarget | null;
  try {
    saved = await steps.saveTarget();
  } catch (error) {
    throw new ConfigSaveError("target", false, reasonOf(error));
  }
  try {
    await steps.saveTab();
  } catch (error) {
    throw new ConfigSaveError("tab", saved !== null, reasonOf(error));
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
