/** English messages of the facilitation surfaces, merged into the reference catalog in ../en.ts. */
export const facilitationEn = {} as const;
