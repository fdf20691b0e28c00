import type { WebSocket } from "ws";
import type { MeetingRole } from "../../src/protocol/ids.ts";
import type { ServerMessage } from "../../src/protocol/messages.ts";
import type { Identity } from "../auth/identity.ts";
import type { MeetingKey } from "../store/eventStore.ts";

/** A socket past authentication. It belongs to a meeting room once its `hello` has been answered. */
export interface Connection {
  socket: WebSocket;
  identity: Identity;
  isAlive: boolean;
  meeting?: { key: MeetingKey; role: MeetingRole };
  /** Events that arrived while the welcome was being prepared; flushed after it, so none is missed or doubled. */
  pending: { seq: number; data: Buffer }[] | null;
  welcomedSeq: number;
  /** Whether the last snapshot or events this connection was sent were a facilitator's view. */
  isFacilitator?: boolean;
}

/**
 * Sends one text frame unless the socket is closing; a slow client past the buffer cap is dropped so
 * it resyncs. Fan-out passes one pre-encoded Buffer for the whole room rather than a string that
 * would be re-encoded for every recipient.
 */
export function sendRaw(connection: Connection, data: string | Buffer, maxBufferedBytes: number): void {
  const { socket } = connection;
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > maxBufferedBytes) {
    socket.terminate();
    return;
  }
  socket.send(data, { binary: false });
}

export function send(connection: Connection, message: ServerMessage, maxBufferedBytes: number): void {
  sendRaw(connection, JSON.stringify(message), maxBufferedBytes);
}
