import type { facilitationEn } from "./facilitation.en.ts";

/** Messages français (Canada) de facilitation; mêmes clés que l’anglais, vérifiées par le type de ../fr-CA.ts. */
export const facilitationFrCA: { readonly [K in keyof typeof facilitationEn]: string | { readonly other: string; readonly one?: string } } = {};
