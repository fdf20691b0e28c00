import { useCallback, useState } from "react";
import type { Command, CommandType } from "../../protocol/commands.ts";
import type { RejectionCode } from "../../protocol/rejections.ts";
import { CommandRejectedError, ConnectionEndedError, type MeetingConnection } from "../realtime/meetingConnection.ts";

/**
 * Why the last command failed, kept as data so it is translated at render time. A refusal keeps
 * the server's own sentence (`message`, trimmed; it names the field at fault, e.g. "dueDate
 * 2026-03-09 is in the past…") beside the code the tab translates.
 */
export type CommandFailure = { kind: "rejected"; code: RejectionCode; message: string } | { kind: "disconnected" } | { kind: "unexpected" };

/** Sending commands from a surface: which are in flight (to disable their buttons) and the last failure. */
export interface Commands {
  /** Resolves to whether the command succeeded; never rejects (the failure is in `failure`). */
  send: (command: Command) => Promise<boolean>;
  isInFlight: (type: CommandType) => boolean;
  failure: CommandFailure | null;
  dismissFailure: () => void;
}

/** Sends commands on a meeting connection and tracks their outcome for the UI. */
export function useCommands(connection: MeetingConnection | null): Commands {
  const [inFlight, setInFlight] = useState<ReadonlyMap<CommandType, number>>(new Map());
  const [failure, setFailure] = useState<CommandFailure | null>(null);

  const send = useCallback(
    async (command: Command) => {
      if (!connection) {
        setFailure({ kind: "disconnected" });
        return false;
      }
      setFailure(null);
      setInFlight((current) => adjust(current, command.type, +1));
      try {
        await connection.send(command);
        return true;
      } catch (error) {
        setFailure(commandFailureOf(error));
        return false;
      } finally {
        setInFlight((current) => adjust(current, command.type, -1));
      }
    },
    [connection],
  );

  const isInFlight = useCallback((type: CommandType) => (inFlight.get(type) ?? 0) > 0, [inFlight]);
  const dismissFailure = useCallback(() => setFailure(null), []);
  return { send, isInFlight, failure, dismissFailure };
}

function adjust(counts: ReadonlyMap<CommandType, number>, type: CommandType, delta: number): ReadonlyMap<CommandType, number> {
  const next = new Map(counts);
  const count = (next.get(type) ?? 0) + delta;
  if (count > 0) next.set(type, count);
  else next.delete(type);
  return next;
}

/** What a failed `send` leaves in {@link Commands.failure}. */
export function commandFailureOf(error: unknown): CommandFailure {
  if (error instanceof CommandRejectedError) return { kind: "rejected", code: error.code, message: error.message.trim() };
  if (error instanceof ConnectionEndedError) return { kind: "disconnected" };
  return { kind: "unexpected" };
}
