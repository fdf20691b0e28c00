import { makeStyles, tokens } from "@fluentui/react-components";
import { isFacilitator, isPresent } from "../../../domain/meeting/roles.ts";
import { openEntryOf, orderedQueue, placeInQueue } from "../../../domain/meeting/queueOrder.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Viewer } from "../../../protocol/messages.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { ExtrasSection } from "./ExtrasSection.tsx";
import { CurrentSpeaker } from "./CurrentSpeaker.tsx";
import { FacilitatorControls } from "./FacilitatorControls.tsx";
import { JoinPrompt } from "./JoinPrompt.tsx";
import { LeaveSection } from "./LeaveSection.tsx";
import { MyStatus } from "./MyStatus.tsx";
import { NowSection } from "./NowSection.tsx";
import { QueueSection } from "./QueueSection.tsx";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/** Props of {@link SidePanelBody}. */
export interface SidePanelBodyProps {
  state: MeetingState;
  viewer: Viewer;
  clock: ServerClock;
  commands: Commands;
}

/**
 * The side panel once connected: where the agenda stands, then the speaking queue (its main job),
 * then the agenda, parking lot and roles folded to one line. Every rule comes from the domain.
 */
export function SidePanelBody({ state, viewer, clock, commands }: SidePanelBodyProps) {
  const styles = useStyles();
  const me = viewer.userId;
  const isJoined = isPresent(state, me);
  const queue = orderedQueue(state);
  const hasAgenda = state.agenda.order.length > 0;
  return (
    <div className={styles.body}>
      {hasAgenda || isFacilitator(state, me) ? <NowSection state={state} viewerId={me} clock={clock} commands={commands} /> : null}
      <CurrentSpeaker state={state} viewerId={me} clock={clock} commands={commands} />
      {isJoined ? (
        <MyStatus place={placeInQueue(state, me)} myEntry={openEntryOf(state, me)} isSpeaking={state.floor?.userId === me} commands={commands} />
      ) : (
        <JoinPrompt commands={commands} />
      )}
      {isFacilitator(state, me) ? <FacilitatorControls state={state} next={queue[0]} viewerId={me} commands={commands} /> : null}
      <QueueSection state={state} queue={queue} viewerId={me} />
      <ExtrasSection state={state} viewerId={me} isJoined={isJoined} commands={commands} />
      {isJoined ? <LeaveSection commands={commands} /> : null}
    </div>
  );
}
