import { lazy } from "react";

// Kept out of the side panel's first download: the capture form, the lists and their messages load
// once the panel has drawn the speaking queue.

/** The side panel's commitments section. */
export const LazyCommitmentsSection = lazy(() => import("./CommitmentsSection.tsx").then((module) => ({ default: module.CommitmentsSection })));
