import { lazy } from "react";

// Kept out of the side panel's first download: attendees never need the controls, and nobody
// needs the folded agenda, parking lot and roles until they unfold them.

/** The controls for running the meeting; only facilitators and timekeepers download them. */
export const LazyFacilitationControls = lazy(() => import("./FacilitationControls.tsx").then((module) => ({ default: module.FacilitationControls })));
/** The side panel's folded agenda, parking lot and roles. */
export const LazyMeetingExtras = lazy(() => import("./MeetingExtras.tsx").then((module) => ({ default: module.MeetingExtras })));
