import { stageEn } from "./messages/stage.en.ts";
import { addEnglishMessages } from "./strings.ts";

// Imported by the stage's chunk: its English messages load with it instead of with every surface.
addEnglishMessages(stageEn);
