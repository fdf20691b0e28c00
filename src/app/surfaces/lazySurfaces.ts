import { lazy } from "react";

// Each surface is its own chunk, so the side panel never downloads the stage or the meeting tab.

/** The meeting side panel, loaded on demand. */
export const LazySidePanel = lazy(() => import("./sidePanel/SidePanel.tsx").then((module) => ({ default: module.SidePanel })));
/** The meeting stage, loaded on demand. */
export const LazyStage = lazy(() => import("./stage/Stage.tsx").then((module) => ({ default: module.Stage })));
/** The meeting chat/details tab, loaded on demand. */
export const LazyMeetingTab = lazy(() => import("./meetingTab/MeetingTab.tsx").then((module) => ({ default: module.MeetingTab })));
/** Downloads the configuration page together with its English messages, resolving once both are in. */
export const loadConfigPage = () => Promise.all([import("./config/ConfigPage.tsx"), import("../i18n/configMessages.ts")]).then(([module]) => module);
/** The configuration page, loaded on demand. */
export const LazyConfigPage = lazy(() => loadConfigPage().then((module) => ({ default: module.ConfigPage })));
/** The personal tab, loaded on demand. */
export const LazyPersonalTab = lazy(() => import("./personal/PersonalTab.tsx").then((module) => ({ default: module.PersonalTab })));
/** The page shown outside Teams, loaded on demand. */
export const LazyOutsideTeams = lazy(() => import("./outsideTeams/OutsideTeams.tsx").then((module) => ({ default: module.OutsideTeams })));
/** The privacy statement and terms of use, loaded on demand. */
export const LazyLegalPage = lazy(() => import("./legal/LegalPage.tsx").then((module) => ({ default: module.LegalPage })));
