// Kept as the meeting's entry point for the speaking order; the rules live in ../queue/order.ts.
export { entriesOf, entryOfKind, nextSpeaker, openEntryOf, orderedKind, orderedQueue, placeInQueue, type NextSpeaker } from "../queue/order.ts";
