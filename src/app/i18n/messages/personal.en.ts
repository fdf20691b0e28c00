/**
 * English messages of the personal tab. Not in the entry catalog: ../personalMessages.ts adds them when
 * that tab's code loads.
 */
export const personalEn = {
  "personal.title": "My commitments",
  "personal.body": "When you take on a commitment in a Concord meeting, it will appear here, together with your commitments from your other meetings.",
  "personal.empty": "You have no commitments yet.",
} as const;
