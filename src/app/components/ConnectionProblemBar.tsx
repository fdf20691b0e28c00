import { CloseCodes } from "../../protocol/socket.ts";
import { useStrings } from "../i18n/useStrings.ts";
import type { MeetingSnapshot } from "../realtime/meetingConnection.ts";
import { Notice } from "./Notice.tsx";

/** Props of {@link ConnectionProblemBar}. */
export interface ConnectionProblemBarProps {
  snapshot: MeetingSnapshot;
}

/** Says, while retrying, why the connection is not live: no token from Teams, a refused token, an unreachable server, or a refusal. */
export function ConnectionProblemBar({ snapshot }: ConnectionProblemBarProps) {
  const strings = useStrings();
  const { problem, status } = snapshot;
  if (!problem || (status !== "connecting" && status !== "reconnecting")) return null;
  const message =
    problem.kind === "token"
      ? strings.t("connection.tokenProblem")
      : problem.kind === "rejected"
        ? strings.rejection(problem.code)
        : problem.code === CloseCodes.unauthorized || problem.code === CloseCodes.tokenExpired
          ? strings.t("connection.signInProblem")
          : strings.t("connection.lostProblem");
  return <Notice intent="warning">{message}</Notice>;
}
