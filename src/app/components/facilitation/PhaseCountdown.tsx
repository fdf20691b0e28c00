import { makeStyles, mergeClasses } from "@fluentui/react-components";
import { WarningFilled } from "@fluentui/react-icons";
import { phaseClock } from "../../../domain/facilitation/timer.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { useServerNow } from "../../hooks/useServerNow.ts";
import { interpolateNodes } from "../../i18n/interpolateNodes.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { isoDuration } from "../formatElapsed.ts";
import { formatCountdown } from "./countdown.ts";

const useStyles = makeStyles({
  digits: { fontVariantNumeric: "tabular-nums" },
  hidden: { position: "absolute", width: "1px", height: "1px", margin: "-1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** How the surface showing a countdown styles it: the side panel small, the stage across a room. */
export interface CountdownClasses {
  root: string;
  /** The time line, with its icon. */
  line: string;
  /** Added to the time line once time is over. */
  overrun: string;
  paused: string;
  /** The digits alone, when they should stand out from the words around them ("left", "over"). */
  time?: string;
}

/** Props of {@link PhaseCountdown}. */
export interface PhaseCountdownProps {
  state: MeetingState;
  clock: ServerClock;
  classes: CountdownClasses;
  "data-testid"?: string;
}

/**
 * The running phase's countdown from the domain's `phaseClock`, read at the server's time: time left,
 * or time over with a warning icon and the word "over" (never colour alone), and "Paused". It ticks
 * by itself so only it re-renders each second. The digits are not a live region (a screen reader
 * reading every second would drown everything else); running out of time is announced once.
 */
export function PhaseCountdown({ state, clock, classes, "data-testid": testId }: PhaseCountdownProps) {
  const styles = useStyles();
  const strings = useStrings();
  const current = state.facilitation.current;
  const now = useServerNow(clock, current !== null && current.pausedAt === null);
  const phase = phaseClock(state, now);
  if (!phase) return null;
  const { clock: text, isOverrun } = formatCountdown(phase.remainingMs);
  const time = (
    <time className={mergeClasses(styles.digits, classes.time)} dateTime={isoDuration(Math.abs(phase.remainingMs))}>
      {text}
    </time>
  );
  return (
    <div className={classes.root} data-testid={testId} data-overrun={String(isOverrun)} data-paused={String(phase.isPaused)} data-clock={text}>
      <p className={mergeClasses(classes.line, isOverrun && classes.overrun)}>
        {isOverrun ? <WarningFilled aria-hidden="true" /> : null}
        <span>{interpolateNodes(strings.template(isOverrun ? "facilitation.timeOver" : "facilitation.timeLeft"), { time })}</span>
      </p>
      {phase.isPaused ? <span className={classes.paused}>{strings.t("facilitation.paused")}</span> : null}
      <span role="status" className={styles.hidden}>
        {isOverrun ? strings.t("facilitation.overrunAlert") : ""}
      </span>
    </div>
  );
}
