import type { HostContext } from "../../teams/hostContext.ts";

/** What the shell hands every surface. */
export interface SurfaceProps {
  host: HostContext;
}

/** What the shell hands a surface that shows one meeting. */
export interface MeetingSurfaceProps extends SurfaceProps {
  meetingId: string;
}
