import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { getAuthToken } from "../../teams/authToken.ts";
import { gatewayUrl } from "../realtime/gatewayUrl.ts";
import { createMeetingConnection, type MeetingConnection, type MeetingSnapshot } from "../realtime/meetingConnection.ts";
import { LOCAL_CLOCK } from "../realtime/serverClock.ts";

/** A meeting's live state, and the connection to send commands on (null during the first render). */
export interface MeetingHandle {
  snapshot: MeetingSnapshot;
  connection: MeetingConnection | null;
}

const noSubscription = () => () => undefined;

/**
 * Connects to one meeting for as long as the component is mounted, and re-renders on every change.
 * The connection is made in an effect (not during render) so StrictMode's mount–unmount–mount
 * opens one live connection, not a stopped one.
 */
export function useMeeting(meetingId: string): MeetingHandle {
  const [connection, setConnection] = useState<MeetingConnection | null>(null);

  useEffect(() => {
    const created = createMeetingConnection({ url: gatewayUrl(window.location), meetingId, getToken: getAuthToken });
    setConnection(created);
    created.start();
    return () => {
      created.stop();
      setConnection(null);
    };
  }, [meetingId]);

  const initial = useMemo<MeetingSnapshot>(
    () => ({ status: "connecting", meetingId, state: null, viewer: null, seq: 0, serverOffsetMs: 0, serverClock: LOCAL_CLOCK, problem: null }),
    [meetingId],
  );
  const snapshot = useSyncExternalStore(connection?.subscribe ?? noSubscription, connection?.getSnapshot ?? (() => initial));
  return { snapshot, connection };
}
