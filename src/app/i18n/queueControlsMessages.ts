import { queueControlsEn } from "./messages/queueControls.en.ts";
import { addEnglishMessages } from "./strings.ts";

// Imported by every lazily loaded module of the speaking queue: their English messages arrive with
// them instead of with the side panel's first download.
addEnglishMessages(queueControlsEn);
