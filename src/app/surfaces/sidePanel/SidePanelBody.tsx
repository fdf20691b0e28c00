import { makeStyles, tokens } from "@fluentui/react-components";
import { isFacilitator, isPresent } from "../../../domain/meeting/roles.ts";
import { openEntryOf, orderedQueue, placeInQueue } from "../../../domain/meeting/queueOrder.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Viewer } from "../../../protocol/messages.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { CurrentSpeaker } from "./CurrentSpeaker.tsx";
import { FacilitatorControls } from "./FacilitatorControls.tsx";
import { JoinPrompt } from "./JoinPrompt.tsx";
import { LeaveSection } from "./LeaveSection.tsx";
import { MyStatus } from "./MyStatus.tsx";
import { QueueSection } from "./QueueSection.tsx";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
});

/** Props of {@link SidePanelBody}. */
export interface SidePanelBodyProps {
  state: MeetingState;
  viewer: Viewer;
  serverOffsetMs: number;
  commands: Commands;
}

/** The side panel once connected. Every rule (order, place, who facilitates) comes from the domain. */
export function SidePanelBody({ state, viewer, serverOffsetMs, commands }: SidePanelBodyProps) {
  const styles = useStyles();
  const me = viewer.userId;
  const isJoined = isPresent(state, me);
  const queue = orderedQueue(state);
  return (
    <div className={styles.body}>
      <CurrentSpeaker state={state} viewerId={me} serverOffsetMs={serverOffsetMs} commands={commands} />
      {isJoined ? (
        <MyStatus place={placeInQueue(state, me)} myEntry={openEntryOf(state, me)} isSpeaking={state.floor?.userId === me} commands={commands} />
      ) : (
        <JoinPrompt commands={commands} />
      )}
      {isFacilitator(state, me) ? <FacilitatorControls state={state} next={queue[0]} viewerId={me} commands={commands} /> : null}
      <QueueSection state={state} queue={queue} viewerId={me} />
      {isJoined ? <LeaveSection commands={commands} /> : null}
    </div>
  );
}
