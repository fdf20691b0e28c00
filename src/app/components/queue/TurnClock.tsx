import { makeStyles, mergeClasses } from "@fluentui/react-components";
import { WarningFilled } from "@fluentui/react-icons";
import { turnClock } from "../../../domain/queue/floorTime.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { useServerNow } from "../../hooks/useServerNow.ts";
import { interpolateNodes } from "../../i18n/interpolateNodes.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { formatElapsed, isoDuration } from "../formatElapsed.ts";

const useStyles = makeStyles({
  digits: { fontVariantNumeric: "tabular-nums" },
  hidden: { position: "absolute", width: "1px", height: "1px", margin: "-1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** How the surface showing a turn's clock styles it. */
export interface TurnClockClasses {
  line: string;
  /** Added once the turn runs over its limit. */
  overrun: string;
  /** The digits of the time left or over. */
  time?: string;
}

/** Props of {@link TurnClock}. */
export interface TurnClockProps {
  state: MeetingState;
  clock: ServerClock;
  classes: TurnClockClasses;
  "data-testid"?: string;
}

/**
 * The current turn against its soft limit, from the domain's `turnClock` at the server's time:
 * "1:37 left of 3:00", then "0:25 over the 3:00 limit" with a warning icon (the words say it, not
 * only the colour). Nothing without a limit. Ticks by itself; running over is announced once.
 */
export function TurnClock({ state, clock, classes, "data-testid": testId }: TurnClockProps) {
  const styles = useStyles();
  const strings = useStrings();
  const turn = turnClock(state, useServerNow(clock, state.floor !== null));
  if (turn?.remainingMs == null || turn.limitMs === null) return null;
  const isOver = turn.isOverLimit;
  // whole seconds rounded up: the first moment over reads 0:01 over, never 0:00 over
  const shown = Math.ceil(Math.abs(turn.remainingMs) / 1000) * 1000;
  const time = (
    <time className={mergeClasses(styles.digits, classes.time)} dateTime={isoDuration(shown)}>
      {formatElapsed(shown)}
    </time>
  );
  return (
    <p className={mergeClasses(classes.line, isOver && classes.overrun)} data-testid={testId} data-over={String(isOver)}>
      {isOver ? <WarningFilled aria-hidden="true" /> : null}
      <span>{interpolateNodes(strings.template(isOver ? "speaker.over" : "speaker.left"), { time, limit: formatElapsed(turn.limitMs) })}</span>
      <span role="status" className={styles.hidden}>
        {isOver ? strings.t("speaker.overAlert") : ""}
      </span>
    </p>
  );
}
