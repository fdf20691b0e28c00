/**
 * English messages of the meeting stage. Not in the entry catalog: ../stageMessages.ts adds them when the
 * stage's code loads.
 */
export const stageEn = {
  "stage.speakingNow": "Speaking now",
  "stage.floorOpen": "The floor is open",
  "stage.howToRaise": "To speak, open Concord in the meeting side panel and select Raise hand.",
  "stage.upNext": "Up next",
  "stage.nobodyWaiting": "Nobody is waiting to speak.",
  "stage.assumptions": { one: "{count} assumption", other: "{count} assumptions" },
  "stage.assumptionTally.untested": { one: "{count} untested", other: "{count} untested" },
  "stage.assumptionTally.supported": { one: "{count} supported", other: "{count} supported" },
  "stage.assumptionTally.challenged": { one: "{count} challenged", other: "{count} challenged" },
  "stage.moreAssumptions": { one: "+ {count} more assumption", other: "+ {count} more assumptions" },
  "stage.moreWaiting": { one: "+ {count} more person waiting", other: "+ {count} more people waiting" },
} as const;
