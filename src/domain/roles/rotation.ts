import type { AppRole, RotationPolicy } from "../../protocol/vocabulary.ts";
import type { RoleAssignments } from "../meeting/state.ts";

/** What the rotation needs to know to hand roles on at one item. */
export interface RotationInput {
  /** Roles to fill, in the order they are filled. */
  roles: readonly AppRole[];
  /** For each role, who may take it: present and opted in. */
  eligible: Readonly<Partial<Record<AppRole, readonly string[]>>>;
  /** Assignments on the items before this one, in agenda order; the last is the item just before. */
  history: readonly RoleAssignments[];
  /** Holders already set on this item (an organizer's override); they are kept. */
  assigned: RoleAssignments;
  policy: RotationPolicy;
  /** Who is in the room: under `fixed`, the previous item's holder keeps a role while present. */
  present: ReadonlySet<string>;
}

/**
 * Chooses holders for the roles this item still lacks; returns only those it filled. Under `fixed`
 * the previous item's holder keeps the role while present; otherwise, and under `rotate`, each role
 * goes to an eligible person by these rules, in order:
 * 1. not whoever held it on the previous item, when anyone else is eligible (no role twice in a row);
 * 2. fewest times holding this role so far (counts per role stay within one of each other);
 * 3. not already holding another role on this item;
 * 4. fewest roles of any kind so far;
 * 5. longest since they last held this role (never counts as longest);
 * 6. smallest user id, so the choice is deterministic.
 * Pure: the same input always gives the same holders.
 */
export function handOnRoles(input: RotationInput): RoleAssignments {
  const counts = new Map<AppRole, Map<string, number>>();
  const lastHeld = new Map<AppRole, Map<string, number>>();
  const totals = new Map<string, number>();
  input.history.forEach((assignments, index) => {
    for (const [role, holder] of entriesOf(assignments)) {
      bump(mapFor(counts, role), holder);
      mapFor(lastHeld, role).set(holder, index);
      bump(totals, holder);
    }
  });

  const previous = input.history.at(-1) ?? {};
  const onThisItem = new Set(Object.values(input.assigned));
  const filled: RoleAssignments = {};
  for (const role of input.roles) {
    if (input.assigned[role] !== undefined) continue;
    const previousHolder = previous[role];
    const holder =
      input.policy === "fixed" && previousHolder !== undefined && input.present.has(previousHolder)
        ? previousHolder
        : fairestFor(role, [...new Set(input.eligible[role] ?? [])], previousHolder);
    if (holder === undefined) continue;
    filled[role] = holder;
    onThisItem.add(holder);
    bump(totals, holder);
  }
  return filled;

  function fairestFor(role: AppRole, eligible: string[], previousHolder: string | undefined): string | undefined {
    const candidates = eligible.length > 1 ? eligible.filter((userId) => userId !== previousHolder) : eligible;
    const roleCounts = mapFor(counts, role);
    const roleLastHeld = mapFor(lastHeld, role);
    const rank = (userId: string): number[] => [
      roleCounts.get(userId) ?? 0,
      onThisItem.has(userId) ? 1 : 0,
      totals.get(userId) ?? 0,
      roleLastHeld.get(userId) ?? -1,
    ];
    return candidates.reduce<string | undefined>((best, userId) => (best === undefined || isBefore(rank(userId), userId, rank(best), best) ? userId : best), undefined);
  }
}

function isBefore(rankA: number[], idA: string, rankB: number[], idB: string): boolean {
  for (let index = 0; index < rankA.length; index++) {
    const difference = rankA[index]! - rankB[index]!;
    if (difference !== 0) return difference < 0;
  }
  return idA < idB;
}

function entriesOf(assignments: RoleAssignments): [AppRole, string][] {
  return Object.entries(assignments) as [AppRole, string][];
}

function mapFor<K>(maps: Map<K, Map<string, number>>, key: K): Map<string, number> {
  let map = maps.get(key);
  if (!map) maps.set(key, (map = new Map<string, number>()));
  return map;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
