/** English messages of the meetingTab surfaces, merged into the reference catalog in ../en.ts. */
export const meetingTabEn = {} as const;
