import { createFluentIcon } from "@fluentui/react-icons";

// Fluent UI's 20 px regular icons (same names and paths as @fluentui/react-icons), drawn here rather
// than imported. The icon package groups icons into shared modules, and the side panel uses other
// icons from several of them: importing these would put them in a chunk the side panel downloads
// before it can draw. Defined here they stay in the meeting tab's own chunk.

/** Fluent's ArrowUpRegular. */
export const ArrowUpIcon = createFluentIcon("ArrowUpRegular", "1em", [
  "M3.13 9.16a.5.5 0 1 0 .74.68L9.5 3.67V17.5a.5.5 0 1 0 1 0V3.67l5.63 6.17a.5.5 0 0 0 .74-.68l-6.32-6.92a.75.75 0 0 0-1.1 0z",
]);
/** Fluent's ArrowDownRegular. */
export const ArrowDownIcon = createFluentIcon("ArrowDownRegular", "1em", [
  "M16.87 10.84a.5.5 0 1 0-.74-.68l-5.63 6.17V2.5a.5.5 0 0 0-1 0v13.83l-5.63-6.17a.5.5 0 0 0-.74.68l6.31 6.91a.75.75 0 0 0 1.11 0z",
]);
/** Fluent's EditRegular. */
export const EditIcon = createFluentIcon("EditRegular", "1em", [
  "M17.18 2.93a2.97 2.97 0 0 0-4.26-.06l-9.37 9.38q-.5.5-.66 1.2l-.88 3.94a.5.5 0 0 0 .6.6l3.93-.87c.46-.1.9-.34 1.23-.68l9.36-9.36a2.97 2.97 0 0 0 .05-4.15m-3.55.65a1.97 1.97 0 1 1 2.8 2.8l-.68.66-2.8-2.79zm-1.38 1.38 2.8 2.8-7.99 7.97q-.31.31-.74.41l-3.16.7.7-3.18q.1-.41.4-.7z",
]);
/** Fluent's DeleteRegular. */
export const DeleteIcon = createFluentIcon("DeleteRegular", "1em", [
  "M8.5 4h3a1.5 1.5 0 0 0-3 0m-1 0a2.5 2.5 0 0 1 5 0h5a.5.5 0 0 1 0 1h-1.05l-1.2 10.34A3 3 0 0 1 12.27 18H7.73a3 3 0 0 1-2.98-2.66L3.55 5H2.5a.5.5 0 0 1 0-1zM5.74 15.23A2 2 0 0 0 7.73 17h4.54a2 2 0 0 0 1.99-1.77L15.44 5H4.56zM8.5 7.5c.28 0 .5.22.5.5v6a.5.5 0 0 1-1 0V8c0-.28.22-.5.5-.5M12 8a.5.5 0 0 0-1 0v6a.5.5 0 0 0 1 0z",
]);
/** Fluent's ReOrderDotsVerticalRegular: the grip of a draggable row. */
export const GripIcon = createFluentIcon("ReOrderDotsVerticalRegular", "1em", [
  "M7 5a1 1 0 1 0 0-2 1 1 0 0 0 0 2m0 6a1 1 0 1 0 0-2 1 1 0 0 0 0 2m1 5a1 1 0 1 1-2 0 1 1 0 0 1 2 0m5-11a1 1 0 1 0 0-2 1 1 0 0 0 0 2m1 5a1 1 0 1 1-2 0 1 1 0 0 1 2 0m-1 7a1 1 0 1 0 0-2 1 1 0 0 0 0 2",
]);
/** Fluent's AddRegular. */
export const AddIcon = createFluentIcon("AddRegular", "1em", [
  "M10 2.5c.28 0 .5.22.5.5v6.5H17a.5.5 0 0 1 0 1h-6.5V17a.5.5 0 0 1-1 0v-6.5H3a.5.5 0 0 1 0-1h6.5V3c0-.28.22-.5.5-.5",
]);
/** Fluent's CheckmarkCircleRegular. */
export const CheckmarkCircleIcon = createFluentIcon("CheckmarkCircleRegular", "1em", [
  "M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m0 1a7 7 0 1 0 0 14 7 7 0 0 0 0-14m3.36 4.65c.17.17.2.44.06.63l-.06.07-4 4a.5.5 0 0 1-.64.07l-.07-.06-2-2a.5.5 0 0 1 .63-.77l.07.06L9 11.3l3.65-3.65c.2-.2.51-.2.7 0",
]);
/** Fluent's WarningRegular. */
export const WarningIcon = createFluentIcon("WarningRegular", "1em", [
  "M7.37 3.56a3 3 0 0 1 5.26 0l5.5 10A3 3 0 0 1 15.5 18h-11a3 3 0 0 1-2.63-4.44zm4.38.48a2 2 0 0 0-3.5 0l-5.5 10A2 2 0 0 0 4.5 17h11a2 2 0 0 0 1.75-2.96zM10 12.75a.75.75 0 1 1 0 1.5.75.75 0 0 1 0-1.5m0-6.25c.28 0 .5.22.5.5v4a.5.5 0 0 1-1 0V7c0-.28.22-.5.5-.5",
]);
/** Fluent's ClockRegular. */
export const ClockIcon = createFluentIcon("ClockRegular", "1em", [
  "M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m0 1a7 7 0 1 0 0 14 7 7 0 0 0 0-14m-.5 2a.5.5 0 0 1 .5.41V10h2.5a.5.5 0 0 1 .09 1H9.5a.5.5 0 0 1-.5-.41V5.5c0-.28.22-.5.5-.5",
]);
/** Fluent's LinkRegular. */
export const LinkIcon = createFluentIcon("LinkRegular", "1em", [
  "M8 6a.5.5 0 0 1 .09 1H6a3 3 0 0 0-.2 6H8a.5.5 0 0 1 .09 1H6a4 4 0 0 1-.22-8H8m6 0a4 4 0 0 1 .22 8H12a.5.5 0 0 1-.09-1H14a3 3 0 0 0 .2-6H12a.5.5 0 0 1-.09-1H14M6 9.5h8a.5.5 0 0 1 .09 1H6a.5.5 0 0 1-.09-1zh8z",
]);
/** Fluent's CircleRegular: an empty mark. */
export const CircleIcon = createFluentIcon("CircleRegular", "1em", ["M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14m-8 7a8 8 0 1 1 16 0 8 8 0 0 1-16 0"]);
/** Fluent's ChevronDownRegular: the arrow of a drop-down list. */
export const ChevronDownIcon = createFluentIcon("ChevronDownRegular", "1em", [
  "M15.85 7.65c.2.2.2.5 0 .7l-5.46 5.49a.55.55 0 0 1-.78 0L4.15 8.35a.5.5 0 1 1 .7-.7L10 12.8l5.15-5.16c.2-.2.5-.2.7 0",
]);
