import type { PluralForms } from "../catalog.ts";
import type { outsideTeamsEn } from "./outsideTeams.en.ts";

type Translation<English> = { readonly [K in keyof English]: English[K] extends string ? string : PluralForms };

/** Messages français (Canada) de la page affichée hors de Teams : mêmes clés que l’anglais. */
export const outsideTeamsFrCA: Translation<typeof outsideTeamsEn> = {
  "outside.title": "Concord fonctionne dans Microsoft\u00a0Teams",
  "outside.body":
    "Concord rend les réunions plus justes et mieux ciblées\u00a0: chaque personne lève la main, voit son rang dans la file, et l’animateur ou l’animatrice donne la parole dans l’ordre. Ouvrez Concord à partir d’une réunion Teams\u00a0: dans le volet latéral, sur la scène de la réunion ou dans la conversation de la réunion.",
  "outside.reason.noHost": "Cette page a été ouverte directement dans un navigateur; il n’y a donc aucune réunion à laquelle se connecter.",
  "outside.reason.timeout": "Cette page est affichée dans un cadre qui n’est pas Microsoft Teams, et ce cadre n’a pas répondu.",
  "outside.reason.failed": "Microsoft Teams n’a pas fourni à Concord les renseignements nécessaires. Fermez Concord, puis ouvrez-le de nouveau.",
  "outside.devTitle": "Vous utilisez Concord en local?",
  "outside.devBody": "Ce serveur est en mode développement. Le simulateur de réunion affiche sur une seule page les volets latéraux de plusieurs participants et la scène de la réunion.",
  "outside.devLink": "Ouvrir le simulateur de réunion",
};
