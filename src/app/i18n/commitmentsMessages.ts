import { commitmentsEn } from "./messages/commitments.en.ts";
import { addEnglishMessages } from "./strings.ts";

// Imported by every module that shows commitments or where their tasks go (all loaded lazily): their
// English messages arrive with them instead of with the side panel's first download.
addEnglishMessages(commitmentsEn);
