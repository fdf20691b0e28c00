import "../../i18n/queueControlsMessages.ts";
import { useId } from "react";
import { Button } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { fairShare, floorGini } from "../../../domain/queue/equity.ts";
import { floorStatsByPerson } from "../../../domain/queue/floorTime.ts";
import { baseOrder } from "../../../domain/queue/rounds.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { PlainSelect } from "../agenda/PlainSelect.tsx";
import { EquityChart, type EquityRow } from "./EquityChart.tsx";
import { giniText, ratioText, timeOfDay } from "./equityText.ts";
import { useQueueControlStyles } from "./queueControlStyles.ts";

/** Dominance thresholds offered, as multiples of the fair share; a threshold set elsewhere is offered too. */
const THRESHOLD_CHOICES = [1.5, 2, 2.5, 3, 4] as const;

/** Each person present with their floor figures at `now`, most floor time first; the silent count as zero. */
export function presentRows(state: MeetingState, now: number): EquityRow[] {
  const stats = floorStatsByPerson(state, now);
  let total = 0;
  for (const { floorMs } of stats.values()) total += floorMs;
  return baseOrder(state)
    .map((userId) => {
      const { floorMs = 0, turns = 0 } = stats.get(userId) ?? {};
      return { userId, floorMs, turns, share: total === 0 ? 0 : floorMs / total };
    })
    .sort((a, b) => b.floorMs - a.floorMs);
}

/** Props of {@link EquityView}. */
export interface EquityViewProps {
  state: MeetingState;
  /** The server's time the figures are read at. */
  now: number;
  commands: Commands;
}

/**
 * The facilitator's equity view: everyone present's share of the floor against the fair share,
 * the Gini coefficient explained in a line, the dominance threshold, and sharing a summary with
 * the room (or updating or withdrawing it).
 */
export function EquityView({ state, now, commands }: EquityViewProps) {
  const styles = useQueueControlStyles();
  const strings = useStrings();
  const selectId = useId();
  const rows = presentRows(state, now);
  const ratio = state.equity.dominanceRatio;
  const choices = (THRESHOLD_CHOICES as readonly number[]).includes(ratio) ? THRESHOLD_CHOICES : [...THRESHOLD_CHOICES, ratio].sort((a, b) => a - b);
  const shared = state.equity.sharedSummary;
  const isSharing = commands.isInFlight("equity.shareSummary") || commands.isInFlight("equity.hideSummary");
  return (
    <div className={styles.stack} data-testid="equity-view">
      {rows.every((row) => row.turns === 0) ? <p className={styles.secondary}>{strings.t("equity.nobodyYet")}</p> : null}
      <EquityChart state={state} rows={rows} fairShare={fairShare(state)} presentCount={rows.length} alertRatio={ratio} />
      <p className={styles.secondary} data-testid="equity-gini">
        {strings.t("equity.gini", { gini: giniText(strings, floorGini(state, now)) })}
      </p>
      <div className={styles.row}>
        <label className={styles.label} htmlFor={selectId}>
          {strings.t("equity.threshold")}
        </label>
        <PlainSelect
          id={selectId}
          className={styles.grow}
          value={String(ratio)}
          disabled={commands.isInFlight("equity.setThreshold")}
          data-testid="dominance-threshold-select"
          onValueChange={(value) => void commands.send({ type: "equity.setThreshold", payload: { ratio: Number(value) } })}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {strings.t("equity.ratio", { ratio: ratioText(strings, choice) })}
            </option>
          ))}
        </PlainSelect>
      </div>
      {shared ? (
        <>
          <p className={styles.secondary} data-testid="equity-shared-note">
            {strings.t("equity.sharedAt", { time: timeOfDay(strings, shared.at) })}
          </p>
          <div className={styles.row}>
            <Button size="small" disabled={isSharing} data-testid="share-summary-button" onClick={() => void commands.send({ type: "equity.shareSummary", payload: {} })}>
              {strings.t("equity.update")}
            </Button>
            <Button size="small" disabled={isSharing} data-testid="hide-summary-button" onClick={() => void commands.send({ type: "equity.hideSummary", payload: {} })}>
              {strings.t("equity.stopSharing")}
            </Button>
          </div>
        </>
      ) : (
        <Button disabled={isSharing} data-testid="share-summary-button" onClick={() => void commands.send({ type: "equity.shareSummary", payload: {} })}>
          {strings.t("equity.share")}
        </Button>
      )}
    </div>
  );
}
