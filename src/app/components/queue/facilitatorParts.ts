// The facilitator's and the timekeeper's parts of the speaking queue, in one download that only
// they make (see lazyQueue.ts).
export { EntryActions } from "./EntryActions.tsx";
export { QueueFacilitation } from "./QueueFacilitation.tsx";
export { TurnTimerControls } from "./TurnTimerControls.tsx";
