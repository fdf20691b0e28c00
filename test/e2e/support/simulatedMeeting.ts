import fs from "node:fs";
import type { Page } from "playwright-core";
import { SimulatorPage } from "../pages/simulatorPage.ts";
import { launchChromium, SCREENSHOT_DIR } from "./browser.ts";
import { startBuiltServer } from "./concordServer.ts";

/** The built server, the system Chromium and the meeting simulator open in it, for one spec. */
export interface SimulatedMeeting {
  server: Awaited<ReturnType<typeof startBuiltServer>>;
  page: Page;
  simulator: SimulatorPage;
  /** Closes Chromium, then stops the server. */
  stop(): Promise<void>;
}

/** What {@link startSimulatedMeeting} starts: the server's extra environment, the window and who is in the meeting. */
export interface SimulatedMeetingOptions {
  serverEnv?: NodeJS.ProcessEnv;
  viewport: { width: number; height: number };
  meetingId: string;
  organizer: string;
  attendees: string[];
}

/**
 * Starts the built server and Chromium and opens the simulator on a meeting with one organizer and
 * the attendees, in that order; makes the screenshot folder. Stops what it started if a step fails.
 */
export async function startSimulatedMeeting(options: SimulatedMeetingOptions): Promise<SimulatedMeeting> {
  const server = await startBuiltServer(options.serverEnv);
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const stop = async () => {
    await chromium?.close();
    await server.stop();
  };
  try {
    chromium = await launchChromium({ viewport: options.viewport });
    const page = await chromium.context.newPage();
    const simulator = new SimulatorPage(page);
    await simulator.open(server.origin, {
      participants: [
        { displayName: options.organizer, meetingRole: "organizer" },
        ...options.attendees.map((displayName) => ({ displayName, meetingRole: "attendee" as const })),
      ],
      meetingId: options.meetingId,
    });
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    return { server, page, simulator, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
