import { configEn } from "./messages/config.en.ts";
import { addEnglishMessages } from "./strings.ts";

// Loaded with the configuration page (see ../surfaces/lazySurfaces.ts): its English messages arrive
// with it instead of with every surface.
addEnglishMessages(configEn);
