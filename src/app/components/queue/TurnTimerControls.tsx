import "../../i18n/queueControlsMessages.ts";
import { useId } from "react";
import { Button } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { Strings } from "../../i18n/strings.ts";
import { PlainSelect } from "../agenda/PlainSelect.tsx";
import { formatElapsed } from "../formatElapsed.ts";
import { useQueueControlStyles } from "./queueControlStyles.ts";

/** Turn limits offered, in seconds; all within the protocol's limits. A limit set elsewhere is offered too. */
const LIMIT_CHOICES = [60, 120, 180, 300, 600] as const;
/** One-click extensions of the current turn, in seconds. */
const EXTENSIONS = [30, 60] as const;
const NO_LIMIT = "none";

/** Props of {@link TurnTimerControls}. */
export interface TurnTimerControlsProps {
  state: MeetingState;
  commands: Commands;
}

/**
 * The timekeeper's (and facilitators') turn timer: the soft limit of every turn (or none) and,
 * while someone speaks under a limit, adding time to their turn.
 */
export function TurnTimerControls({ state, commands }: TurnTimerControlsProps) {
  const styles = useQueueControlStyles();
  const strings = useStrings();
  const selectId = useId();
  const limit = state.queueSettings.turnLimitSeconds;
  const choices = limit === null || (LIMIT_CHOICES as readonly number[]).includes(limit) ? LIMIT_CHOICES : [...LIMIT_CHOICES, limit].sort((a, b) => a - b);
  const isExtending = commands.isInFlight("floor.extendTurn");
  return (
    <div className={styles.stack} role="group" aria-label={strings.t("turnTimer.label")} data-testid="turn-timer-controls">
      <div className={styles.row}>
        <label className={styles.label} htmlFor={selectId}>
          {strings.t("turnTimer.limit")}
        </label>
        <PlainSelect
          id={selectId}
          className={styles.grow}
          value={limit === null ? NO_LIMIT : String(limit)}
          disabled={commands.isInFlight("floor.setTurnLimit")}
          data-testid="turn-limit-select"
          onValueChange={(value) => void commands.send({ type: "floor.setTurnLimit", payload: { seconds: value === NO_LIMIT ? null : Number(value) } })}
        >
          <option value={NO_LIMIT}>{strings.t("turnTimer.none")}</option>
          {choices.map((seconds) => (
            <option key={seconds} value={seconds}>
              {limitText(strings, seconds)}
            </option>
          ))}
        </PlainSelect>
      </div>
      {state.floor && limit !== null ? (
        <div className={styles.row} role="group" aria-label={strings.t("turnTimer.add")}>
          <span className={styles.label} aria-hidden="true">
            {strings.t("turnTimer.add")}
          </span>
          {EXTENSIONS.map((seconds) => (
            <Button
              key={seconds}
              size="small"
              disabled={isExtending}
              data-testid={`extend-turn-${seconds}`}
              onClick={() => void commands.send({ type: "floor.extendTurn", payload: { seconds } })}
            >
              {seconds < 60 ? strings.t("turnTimer.plusSeconds", { seconds }) : strings.t("turnTimer.plusMinutes", { minutes: seconds / 60 })}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function limitText(strings: Strings, seconds: number): string {
  return seconds % 60 === 0 ? strings.plural("turnTimer.minutes", seconds / 60) : formatElapsed(seconds * 1000);
}
