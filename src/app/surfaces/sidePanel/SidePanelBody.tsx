import { Suspense, useEffect } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { isPresent, powersOf } from "../../../domain/roles/holders.ts";
import { orderedQueue } from "../../../domain/queue/order.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Viewer } from "../../../protocol/messages.ts";
import { LazyQueueFacilitation, LazyRoundPanel, LazySharedSummary, prefetchParticipation } from "../../components/queue/lazyQueue.ts";
import { LazyCommitmentsSection } from "../../components/commitments/lazyCommitments.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { ExtrasSection } from "./ExtrasSection.tsx";
import { CurrentSpeaker } from "./CurrentSpeaker.tsx";
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
 * The side panel once connected: where the agenda stands, who speaks, the round under way, the
 * viewer's own place and entries, the facilitator's controls and floor equity (downloaded only by
 * facilitators), the queue, a floor summary a facilitator shared, then the agenda, parking lot and
 * roles folded to one line. Every rule comes from the domain.
 */
export function SidePanelBody({ state, viewer, clock, commands }: SidePanelBodyProps) {
  const styles = useStyles();
  const me = viewer.userId;
  const isJoined = isPresent(state, me);
  const powers = powersOf(state, me);
  const round = state.rounds.current;
  const summary = state.equity.sharedSummary;
  useEffect(prefetchParticipation, []);
  return (
    <div className={styles.body}>
      {state.agenda.order.length > 0 || powers.canFacilitate ? <NowSection state={state} viewerId={me} clock={clock} commands={commands} /> : null}
      <CurrentSpeaker state={state} viewerId={me} clock={clock} canKeepTime={powers.canKeepTime} commands={commands} />
      {round ? (
        <Suspense fallback={null}>
          <LazyRoundPanel state={state} round={round} viewerId={me} commands={commands} />
        </Suspense>
      ) : null}
      {isJoined ? <MyStatus state={state} viewerId={me} clock={clock} commands={commands} /> : <JoinPrompt commands={commands} />}
      {powers.canFacilitate ? (
        <Suspense fallback={null}>
          <LazyQueueFacilitation state={state} viewerId={me} clock={clock} commands={commands} />
        </Suspense>
      ) : null}
      <QueueSection state={state} queue={orderedQueue(state)} viewerId={me} canArrange={powers.canFacilitate} commands={commands} />
      {summary && !powers.canFacilitate ? (
        <Suspense fallback={null}>
          <LazySharedSummary state={state} summary={summary} />
        </Suspense>
      ) : null}
      <Suspense fallback={null}>
        <LazyCommitmentsSection state={state} viewerId={me} clock={clock} commands={commands} />
      </Suspense>
      <ExtrasSection state={state} viewerId={me} isJoined={isJoined} commands={commands} />
      {isJoined ? <LeaveSection commands={commands} /> : null}
    </div>
  );
}
