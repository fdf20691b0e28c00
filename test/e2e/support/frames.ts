import type { Frame, Page } from "playwright-core";

/** The simulator's stage frame, as the first participant sees it. */
export const STAGE_FRAME = '[data-testid="stage-frame"]';
/** The simulator's meeting tab (content) frame. */
export const TAB_FRAME = '[data-testid="content-frame"]';
/** The simulator's settings (config) frame, shown by its "Settings" view. */
export const CONFIG_FRAME = '[data-testid="config-frame"]';

/** The side panel frame of the participant shown as `displayName`. */
export function sidePanelFrame(displayName: string): string {
  return `[data-testid="side-panel-frame"][data-participant="${displayName}"]`;
}

/**
 * The stage as a room screen shows it: exactly 1280×720, with the simulator's header no longer
 * sticky so it never covers the stage.
 */
export const ROOM_SCREEN_CSS = "header{position:static!important} .stage-row{display:block!important} .stage-viewport{width:1280px!important;height:720px!important;aspect-ratio:auto!important}";

/** The frame inside the element at `selector`; throws when there is none. */
export async function frameOf(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.locator(selector).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame at ${selector}`);
  return frame;
}
