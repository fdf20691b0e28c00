import { facilitationControlsEn } from "./messages/facilitationControls.en.ts";
import { addEnglishMessages } from "./strings.ts";

// Imported by the facilitation controls, the side panel's folded agenda and parking lot, the stage
// and the meeting tab (all loaded lazily): their English messages arrive with them instead of with
// the side panel's first download.
addEnglishMessages(facilitationControlsEn);
