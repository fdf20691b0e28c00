/**
 * English messages of facilitation that the side panel shows as it first draws (where the agenda
 * stands, the phase's countdown, the room's mode, who holds which role), merged into the entry
 * catalog in ../en.ts. Everything else is in facilitationControls.en.ts.
 */
export const facilitationEn = {
  "facilitation.heading": "Agenda now",
  "facilitation.noAgenda": "No agenda yet.",
  "facilitation.notStarted": { one: "Not started yet: {count} item planned.", other: "Not started yet: {count} items planned." },
  "facilitation.betweenItems": "Between agenda items.",
  "facilitation.agendaDone": "Every agenda item is covered.",
  "facilitation.ended": "The meeting has ended.",
  "facilitation.phaseOf": "phase {phase} of {phases} · item {item} of {items}",
  "facilitation.phase.diagnose": "Diagnose",
  "facilitation.phase.options": "Options",
  "facilitation.phase.tradeoffs": "Trade-offs",
  "facilitation.phase.commit": "Commit",
  "facilitation.timeLeft": "{time} left",
  "facilitation.timeOver": "+{time} over",
  "facilitation.paused": "Paused",
  "facilitation.overrunAlert": "Time is up for this phase.",
  "facilitation.mode.debating": "Debating",
  "facilitation.mode.decision": "Deciding",
  "facilitation.role.facilitator": "Facilitator",
  "facilitation.role.timekeeper": "Timekeeper",
  "facilitation.role.scribe": "Scribe",
  "facilitation.role.challenger": "Challenger",
  "facilitation.youAre.facilitator": "You are the facilitator",
  "facilitation.youAre.timekeeper": "You are the timekeeper",
  "facilitation.youAre.scribe": "You are the scribe",
  "facilitation.youAre.challenger": "You are the challenger",
  "facilitation.noRoles": "No roles assigned for this item.",

  "facilitation.more": "Agenda and parking lot",
  "facilitation.parkedCount": { one: "{count} parked", other: "{count} parked" },
  "facilitation.itemCount": { one: "{count} item", other: "{count} items" },
} as const;
