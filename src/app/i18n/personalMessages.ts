import { personalEn } from "./messages/personal.en.ts";
import { addEnglishMessages } from "./strings.ts";

// Imported by the personal tab's chunk: its English messages load with it instead of with every surface.
addEnglishMessages(personalEn);
