import "../../i18n/queueControlsMessages.ts";
import { useId, useRef, useState } from "react";
import { Button, Radio, RadioGroup } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { floorGini } from "../../../domain/queue/equity.ts";
import { nextSpeaker } from "../../../domain/queue/order.ts";
import { baseOrder, nextInRound, nextRoundStarter } from "../../../domain/queue/rounds.ts";
import { QUEUE_POLICIES, type QueuePolicy } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useServerNow } from "../../hooks/useServerNow.ts";
import { useRestoreLostFocus } from "../../hooks/useRestoreLostFocus.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { PlainSelect } from "../agenda/PlainSelect.tsx";
import { participantName } from "../participantName.ts";
import { DominanceAlerts, QuietVoices } from "./EquityPrompts.tsx";
import { EquityView } from "./EquityView.tsx";
import { giniText } from "./equityText.ts";
import { useQueueControlStyles } from "./queueControlStyles.ts";

/** Props of {@link QueueFacilitation}. */
export interface QueueFacilitationProps {
  state: MeetingState;
  viewerId: string;
  clock: ServerClock;
  commands: Commands;
}

/**
 * The facilitator's part of the side panel: give the floor to whoever is next (naming them, so a
 * grant made on a stale view is refused), end someone's turn, start and end rounds, the dominance
 * alert and the quiet-voices prompt, then folded: the queue's settings and the equity view.
 */
export function QueueFacilitation({ state, viewerId, clock, commands }: QueueFacilitationProps) {
  const styles = useQueueControlStyles();
  const strings = useStrings();
  // the figures move while someone speaks: re-read them with the clocks on screen
  const now = useServerNow(clock, state.floor !== null);
  const next = nextSpeaker(state);
  const speaker = state.floor?.userId;
  const unknown = strings.t("participant.unknown");
  const { policy, isClosed } = state.queueSettings;
  return (
    <section className={styles.stack} aria-labelledby="facilitator-heading" data-testid="queue-facilitation">
      <h2 id="facilitator-heading" className={styles.heading}>
        {strings.t("facilitator.heading")}
      </h2>
      {next ? (
        <Button
          appearance="primary"
          className={styles.fullWidth}
          data-testid="grant-floor-button"
          data-entry-id={next.entry?.entryId ?? ""}
          data-user-id={next.userId}
          disabled={commands.isInFlight("floor.grantNext")}
          onClick={() =>
            void commands.send({ type: "floor.grantNext", payload: { expectedUserId: next.userId, ...(next.entry ? { expectedEntryId: next.entry.entryId } : {}) } })
          }
        >
          {next.entry
            ? strings.t("queueControls.grantKind", {
                name: participantName(state, next.userId, unknown),
                kind: strings.t(`queue.kind.${next.entry.kind}`).toLocaleLowerCase(strings.locale),
              })
            : strings.t("facilitator.grant", { name: participantName(state, next.userId, unknown) })}
        </Button>
      ) : (
        <p className={styles.secondary}>{strings.t("facilitator.nobodyWaiting")}</p>
      )}
      {speaker !== undefined && speaker !== viewerId ? (
        <Button
          className={styles.fullWidth}
          data-testid="end-turn-button"
          disabled={commands.isInFlight("floor.yield")}
          onClick={() => void commands.send({ type: "floor.yield", payload: {} })}
        >
          {strings.t("facilitator.endTurn")}
        </Button>
      ) : null}
      <RoundControls state={state} commands={commands} />
      <DominanceAlerts state={state} now={now} />
      <QuietVoices state={state} now={now} viewerId={viewerId} commands={commands} />
      <details className={styles.details} data-testid="queue-settings">
        <summary className={styles.summary}>
          <h3 className={styles.inlineHeading}>{strings.t("queueControls.settings")}</h3>
          <span className={styles.secondary}>
            {" · "}
            {strings.t(`queue.policy.${policy}`)}
            {isClosed ? ` · ${strings.t("queueControls.reopen")}` : ""}
          </span>
        </summary>
        <div className={styles.detailsBody}>
          <QueueSettings state={state} commands={commands} />
        </div>
      </details>
      <details className={styles.details} data-testid="equity-section">
        <summary className={styles.summary}>
          <h3 className={styles.inlineHeading}>{strings.t("equity.heading")}</h3>
          <span className={styles.secondary}>
            {" · "}
            {strings.t("equity.summary", { gini: giniText(strings, floorGini(state, now)) })}
          </span>
        </summary>
        <div className={styles.detailsBody}>
          <EquityView state={state} now={now} commands={commands} />
        </div>
      </details>
    </section>
  );
}

/**
 * Rounds, under the round-robin policy: start one (from the next person in the rotation, or
 * whoever the facilitator picks), pass for the person whose turn it is, or end it early.
 */
function RoundControls({ state, commands }: { state: MeetingState; commands: Commands }) {
  const styles = useQueueControlStyles();
  const strings = useStrings();
  const selectId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const unknown = strings.t("participant.unknown");
  const round = state.rounds.current;
  if (round) {
    const next = nextInRound(state);
    return (
      <div className={styles.stack} data-testid="round-controls">
        <p className={styles.text}>{strings.t("queueControls.roundUnderWay", { round: round.number })}</p>
        <div className={styles.row}>
          {next !== null ? (
            <Button size="small" data-testid="pass-for-button" disabled={commands.isInFlight("round.pass")} onClick={() => void commands.send({ type: "round.pass", payload: { userId: next } })}>
              {strings.t("queueControls.passFor", { name: participantName(state, next, unknown) })}
            </Button>
          ) : null}
          <Button size="small" data-testid="end-round-button" disabled={commands.isInFlight("round.end")} onClick={() => void commands.send({ type: "round.end", payload: {} })}>
            {strings.t("queueControls.endRound")}
          </Button>
        </div>
      </div>
    );
  }
  if (state.queueSettings.policy !== "roundRobin") return null;
  const present = baseOrder(state);
  const starter = chosen !== null && present.includes(chosen) ? chosen : nextRoundStarter(state);
  if (starter === null) return null;
  return (
    <div className={styles.stack} data-testid="round-controls">
      <div className={styles.row}>
        <label className={styles.label} htmlFor={selectId}>
          {strings.t("queueControls.startWith")}
        </label>
        <PlainSelect id={selectId} className={styles.grow} value={starter} data-testid="round-start-select" onValueChange={setChosen}>
          {present.map((userId) => (
            <option key={userId} value={userId}>
              {participantName(state, userId, unknown)}
            </option>
          ))}
        </PlainSelect>
      </div>
      <Button
        appearance="primary"
        data-testid="start-round-button"
        disabled={commands.isInFlight("round.start")}
        onClick={() => void commands.send({ type: "round.start", payload: { startWith: starter } })}
      >
        {strings.t("queueControls.startRound")}
      </Button>
    </div>
  );
}

/** The queue's ordering policy (each saying what it does), closing and reopening it, and clearing it after a confirmation. */
function QueueSettings({ state, commands }: { state: MeetingState; commands: Commands }) {
  const styles = useQueueControlStyles();
  const strings = useStrings();
  const legendId = useId();
  const [isConfirmingClear, setIsConfirmingClear] = useState(false);
  const { policy, isClosed } = state.queueSettings;
  const entryCount = Object.keys(state.queue).length;
  // close becomes reopen: keep a keyboard user on the button that replaced theirs
  const closeToggle = useRef<HTMLButtonElement>(null);
  useRestoreLostFocus(closeToggle, [isClosed]);
  return (
    <>
      <div className={styles.stack}>
        <span id={legendId} className={styles.legend}>
          {strings.t("queueControls.order")}
        </span>
        <RadioGroup
          aria-labelledby={legendId}
          value={policy}
          disabled={commands.isInFlight("queue.setPolicy")}
          data-testid="policy-choices"
          onChange={(_, data) => void commands.send({ type: "queue.setPolicy", payload: { policy: data.value as QueuePolicy } })}
        >
          {QUEUE_POLICIES.map((choice) => (
            <Radio
              key={choice}
              value={choice}
              data-testid={`policy-${choice}`}
              label={
                <>
                  {strings.t(`queue.policy.${choice}`)}
                  <br />
                  <span className={styles.secondary}>{strings.t(`queueControls.policyHint.${choice}`)}</span>
                </>
              }
            />
          ))}
        </RadioGroup>
      </div>
      <div className={styles.row}>
        <Button
          ref={closeToggle}
          size="small"
          data-testid={isClosed ? "reopen-queue-button" : "close-queue-button"}
          disabled={commands.isInFlight(isClosed ? "queue.reopen" : "queue.close")}
          onClick={() => void commands.send({ type: isClosed ? "queue.reopen" : "queue.close", payload: {} })}
        >
          {strings.t(isClosed ? "queueControls.reopen" : "queueControls.close")}
        </Button>
        {entryCount > 0 && !isConfirmingClear ? (
          <Button size="small" data-testid="clear-queue-button" onClick={() => setIsConfirmingClear(true)}>
            {strings.t("queueControls.clear")}
          </Button>
        ) : null}
      </div>
      {entryCount > 0 && isConfirmingClear ? (
        <div className={styles.panel} role="group" aria-label={strings.t("queueControls.clear")}>
          <p className={styles.text}>{strings.plural("queueControls.clearConfirm", entryCount)}</p>
          <div className={styles.row}>
            <Button
              size="small"
              appearance="primary"
              data-testid="clear-queue-confirm-button"
              disabled={commands.isInFlight("queue.clear")}
              onClick={() => void commands.send({ type: "queue.clear", payload: {} }).then((isCleared) => isCleared && setIsConfirmingClear(false))}
            >
              {strings.t("queueControls.clearNow")}
            </Button>
            <Button size="small" onClick={() => setIsConfirmingClear(false)}>
              {strings.t("queueControls.cancel")}
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}
