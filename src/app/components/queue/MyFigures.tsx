import "../../i18n/queueControlsMessages.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { fairShare, shareOf } from "../../../domain/queue/equity.ts";
import { floorStatsOf } from "../../../domain/queue/floorTime.ts";
import { formatElapsed } from "../formatElapsed.ts";
import { shareText } from "./waitText.ts";
import { useServerNow } from "../../hooks/useServerNow.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { useQueueControlStyles } from "./queueControlStyles.ts";

/** Props of {@link MyFigures}. */
export interface MyFiguresProps {
  state: MeetingState;
  viewerId: string;
  clock: ServerClock;
}

/**
 * The viewer's own floor time, turns and share of the floor against a fair share, ticking while
 * anyone speaks (someone else's turn shrinks the viewer's share). Only their own: everyone's
 * figures are the facilitator's, unless they share them.
 */
export function MyFigures({ state, viewerId, clock }: MyFiguresProps) {
  const shared = useQueueControlStyles();
  const strings = useStrings();
  const now = useServerNow(clock, state.floor !== null);
  const { floorMs, turns } = floorStatsOf(state, viewerId, now);
  if (turns === 0) return null;
  return (
    <p className={shared.secondary} data-testid="my-figures">
      {strings.t("me.figures", {
        time: formatElapsed(floorMs),
        turns: strings.plural("me.turns", turns),
        share: shareText(strings, shareOf(state, viewerId, now)),
        fair: shareText(strings, fairShare(state)),
      })}
    </p>
  );
}
