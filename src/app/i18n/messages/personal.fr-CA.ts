import type { PluralForms } from "../catalog.ts";
import type { personalEn } from "./personal.en.ts";

type Translation<English> = { readonly [K in keyof English]: English[K] extends string ? string : PluralForms };

/** Messages français (Canada) de l’onglet personnel : mêmes clés que l’anglais. */
export const personalFrCA: Translation<typeof personalEn> = {
  "personal.title": "Mes engagements",
  "personal.body": "Lorsque vous prendrez un engagement dans une réunion Concord, il s’affichera ici, avec vos engagements issus de vos autres réunions.",
  "personal.empty": "Vous n’avez encore aucun engagement.",
};
