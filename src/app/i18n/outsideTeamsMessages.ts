import { outsideTeamsEn } from "./messages/outsideTeams.en.ts";
import { addEnglishMessages } from "./strings.ts";

// Imported by the outside-Teams page's chunk: its English messages load with it instead of with
// every surface.
addEnglishMessages(outsideTeamsEn);
