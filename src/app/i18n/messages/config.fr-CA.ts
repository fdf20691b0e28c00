import type { PluralForms } from "../catalog.ts";
import type { configEn } from "./config.en.ts";

type Translation<English> = { readonly [K in keyof English]: English[K] extends string ? string : PluralForms };

/** Messages français (Canada) de la page de configuration : mêmes clés que l’anglais. */
export const configFrCA: Translation<typeof configEn> = {
  "config.titleMeeting": "Ajouter Concord à cette réunion",
  "config.titleChat": "Ajouter Concord à cette conversation",
  "config.titleTeam": "Ajouter Concord à cette équipe",
  "config.intro":
    "Concord donne à vos réunions une file de parole équitable. Pendant une réunion, les participants ouvrent Concord dans le volet latéral pour lever la main, indiquer un sujet et voir leur rang dans la file.",
  "config.facilitators":
    "L’organisateur et les présentateurs animent la réunion\u00a0: ils donnent la parole dans l’ordre et peuvent mettre fin à un tour. La personne qui a la parole et la file peuvent être affichées sur la scène de la réunion pour toute la salle.",
  "config.save": "Sélectionnez Enregistrer pour ajouter l’onglet.",
};
