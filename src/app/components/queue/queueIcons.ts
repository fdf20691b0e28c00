import { createFluentIcon } from "@fluentui/react-icons";

// Fluent UI's 20 px regular icons (same names and paths as @fluentui/react-icons), drawn here rather
// than imported: the icon package groups icons into shared modules, and pulling one of those in
// would add every icon beside it to the download.

/** Fluent's MoreHorizontalRegular: the actions of one row. */
export const MoreIcon = createFluentIcon("MoreHorizontalRegular", "1em", [
  "M6.25 10a1.25 1.25 0 1 1-2.5 0 1.25 1.25 0 0 1 2.5 0m5 0a1.25 1.25 0 1 1-2.5 0 1.25 1.25 0 0 1 2.5 0M15 11.25a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5",
]);
