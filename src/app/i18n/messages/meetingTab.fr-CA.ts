import type { meetingTabEn } from "./meetingTab.en.ts";

/** Messages français (Canada) de meetingTab; mêmes clés que l’anglais, vérifiées par le type de ../fr-CA.ts. */
export const meetingTabFrCA: { readonly [K in keyof typeof meetingTabEn]: string | { readonly other: string; readonly one?: string } } = {};
