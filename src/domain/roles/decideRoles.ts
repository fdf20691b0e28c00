import type { CommandOf } from "../../protocol/commands.ts";
import { APP_ROLES } from "../../protocol/vocabulary.ts";
import type { DecideContext } from "../meeting/context.ts";
import type { MeetingState } from "../meeting/state.ts";
import { accept, own, reject, type Decision, type Emit } from "../meeting/decision.ts";
import { itemOf } from "../agenda/selectors.ts";
import { isOrganizer, participantOf, rolesForItem } from "./holders.ts";

export type RolesCommand = CommandOf<"roles.optIn" | "roles.optOut" | "roles.setPolicy" | "roles.assign">;

/** Each person opts in or out of roles for themselves; the organizer sets the policy and overrides. */
export function decideRoles(state: MeetingState, command: RolesCommand, context: DecideContext, emit: Emit): Decision {
  const actor = context.actor.userId;
  const mine = own(state.roles.optIns, actor) ?? [];
  switch (command.type) {
    case "roles.optIn": {
      const roles = APP_ROLES.filter((role) => command.payload.roles.includes(role) && !mine.includes(role));
      return accept(roles.length === 0 ? [] : [emit("roles.optedIn", { userId: actor, roles })]);
    }
    case "roles.optOut": {
      const roles = APP_ROLES.filter((role) => command.payload.roles.includes(role) && mine.includes(role));
      return accept(roles.length === 0 ? [] : [emit("roles.optedOut", { userId: actor, roles })]);
    }
    case "roles.setPolicy": {
      if (!isOrganizer(state, actor)) return reject("forbidden", "Only the organizer can choose how roles rotate.");
      const { rotation } = command.payload;
      return accept(rotation === state.roles.policy ? [] : [emit("roles.policySet", { rotation, setBy: actor })]);
    }
    case "roles.assign": {
      if (!isOrganizer(state, actor)) return reject("forbidden", "Only the organizer can assign roles.");
      const { itemId, role, userId } = command.payload;
      const item = itemOf(state, itemId);
      if (!item) return reject("notFound", "That agenda item no longer exists.");
      if (state.facilitation.status === "ended" || item.status === "done") {
        return reject("invalidState", "That item is finished; who held its roles is part of the record.");
      }
      if (!state.charter.rolesInUse.includes(role)) return reject("invalidState", `The ${role} role is not in use in this meeting's charter.`);
      if (userId !== null && !participantOf(state, userId)) {
        return reject("unknownParticipant", "Roles can only go to someone who has joined this meeting in Concord.");
      }
      if ((rolesForItem(state, itemId)[role] ?? null) === userId) return accept([]);
      return accept([emit("roles.assigned", { itemId, assignments: [{ role, userId }], reason: "override", by: actor })]);
    }
  }
}
