/**
 * English messages of the speaking queue that the side panel shows as it first draws, merged into
 * the entry catalog in ../en.ts. Everything else is in queueControls.en.ts.
 */
export const queueEn = {
  "queue.kind.pointOfOrder": "Point of order",
  "queue.kind.clarifyingQuestion": "Clarifying question",
  "queue.kind.reply": "Reply",
  "queue.kind.newPoint": "New point",
  "queue.invited": "Invited",
  "queue.policy.fifo": "First come, first served",
  "queue.policy.progressive": "Least heard first",
  "queue.policy.roundRobin": "Round-robin",
  "queue.closed": "Closed: only points of order can be raised.",
  "raise.otherKinds": "Other kinds of entry",
  "me.wait": "Estimated wait: {wait}",
  "wait.underMinute": "less than a minute",
  "wait.minutes": { one: "about {count} minute", other: "about {count} minutes" },
  "speaker.left": "{time} left of {limit}",
  "speaker.over": "{time} over the {limit} limit",
  "speaker.overAlert": "This turn has run over its time limit.",
  "speaker.roundTurn": "Round {round}",
} as const;
