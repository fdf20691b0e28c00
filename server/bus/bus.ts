import type { SequencedEvent } from "../../src/protocol/events.ts";
import type { MeetingKey } from "../store/eventStore.ts";

/** Published after events are durable; every server instance fans them out to its own sockets. */
export interface MeetingEventsMessage {
  key: MeetingKey;
  events: SequencedEvent[];
}

/**
 * The bus port: meeting events travel from the instance that appended them to every instance
 * holding sockets for that meeting. In-process by default; Redis pub/sub when scaled out.
 */
export interface Bus {
  publish(message: MeetingEventsMessage): Promise<void>;
  /** Calls `handler` for every message on any meeting; returns an unsubscribe function. */
  subscribe(handler: (message: MeetingEventsMessage) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
