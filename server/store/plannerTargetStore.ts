import type { PlannerTarget } from "../../src/protocol/commitmentTarget.ts";

/** A space's address (see server/meetings/space.ts). Scoped by tenant like every other key. */
export interface SpaceKey {
  tenantId: string;
  spaceId: string;
}

/**
 * Where each space's commitments go in Planner: one plan and bucket per space, chosen by someone
 * in the space and changeable later. The Planner worker reads it when it sends; a space without a
 * target keeps its commitments in Concord. The Graph calls that list plans and buckets are not here.
 */
export interface PlannerTargetStore {
  /** The space's target, or null when nobody has chosen one. */
  get(space: SpaceKey): Promise<PlannerTarget | null>;
  /** Chooses (or changes) the space's target and returns it as stored (names trimmed). Bad input names the field and changes nothing. */
  set(space: SpaceKey, target: PlannerTarget): Promise<PlannerTarget>;
  /** Forgets the space's target; false when it had none. */
  clear(space: SpaceKey): Promise<boolean>;
  close(): Promise<void>;
}
