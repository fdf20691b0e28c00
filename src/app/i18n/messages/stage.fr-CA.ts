import type { PluralForms } from "../catalog.ts";
import type { stageEn } from "./stage.en.ts";

type Translation<English> = { readonly [K in keyof English]: English[K] extends string ? string : PluralForms };

/** Messages français (Canada) de la scène de la réunion : mêmes clés que l’anglais. */
export const stageFrCA: Translation<typeof stageEn> = {
  "stage.speakingNow": "La parole est à",
  "stage.floorOpen": "Personne n’a la parole",
  "stage.howToRaise": "Pour parler, ouvrez Concord dans le volet latéral de la réunion et sélectionnez Lever la main.",
  "stage.upNext": "Prochains tours",
  "stage.nobodyWaiting": "Personne n’attend pour prendre la parole.",
  "stage.assumptions": { one: "{count}\u00a0hypothèse", other: "{count}\u00a0hypothèses" },
  "stage.assumptionTally.untested": { one: "{count}\u00a0non vérifiée", other: "{count}\u00a0non vérifiées" },
  "stage.assumptionTally.supported": { one: "{count}\u00a0confirmée", other: "{count}\u00a0confirmées" },
  "stage.assumptionTally.challenged": { one: "{count}\u00a0contestée", other: "{count}\u00a0contestées" },
  "stage.moreAssumptions": { one: "+ {count} autre hypothèse", other: "+ {count} autres hypothèses" },
  "stage.moreWaiting": { one: "+ {count} autre personne en attente", other: "+ {count} autres personnes en attente" },
};
