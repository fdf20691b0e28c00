import { en as entryEnglish } from "../en.ts";
import { commitmentsEn } from "../messages/commitments.en.ts";
import { configEn } from "../messages/config.en.ts";
import { facilitationControlsEn } from "../messages/facilitationControls.en.ts";
import { meetingTabEn } from "../messages/meetingTab.en.ts";
import { outsideTeamsEn } from "../messages/outsideTeams.en.ts";
import { personalEn } from "../messages/personal.en.ts";
import { queueControlsEn } from "../messages/queueControls.en.ts";
import { stageEn } from "../messages/stage.en.ts";

/**
 * The whole English catalog, for tests: what ships with every surface plus every set of messages a
 * lazy chunk adds (the other surfaces, the queue's and facilitation's controls, commitments).
 * French must match it key for key.
 */
export const allEnglish = {
  ...entryEnglish,
  ...meetingTabEn,
  ...stageEn,
  ...configEn,
  ...personalEn,
  ...outsideTeamsEn,
  ...queueControlsEn,
  ...facilitationControlsEn,
  ...commitmentsEn,
};
