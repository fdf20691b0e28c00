// The participants' parts of the speaking queue that the side panel does not need to draw, in one
// download (see lazyQueue.ts).
export { KindChooser } from "./KindChooser.tsx";
export { MyEntries } from "./MyEntries.tsx";
export { MyFigures } from "./MyFigures.tsx";
export { RoundPanel } from "./RoundPanel.tsx";
export { SharedSummary } from "./SharedSummary.tsx";
