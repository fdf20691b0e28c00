import "../../i18n/queueControlsMessages.ts";
import { useId } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { WarningFilled } from "@fluentui/react-icons";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { dominant, notSpokenInItem } from "../../../domain/queue/equity.ts";
import { totalFloorMs } from "../../../domain/queue/floorTime.ts";
import { entryOfKind, orderedQueue } from "../../../domain/queue/order.ts";
import { currentItemId } from "../../../domain/roles/holders.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { ratioText } from "./equityText.ts";
import { useQueueControlStyles } from "./queueControlStyles.ts";
import { shareText } from "./waitText.ts";

const useStyles = makeStyles({
  alert: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorStatusWarningBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  alertIcon: { flexShrink: 0, fontSize: "20px", color: tokens.colorStatusWarningForeground3 },
  alerts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, ":empty": { display: "none" } },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  person: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  who: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
});

/** Props of {@link DominanceAlerts} and {@link QuietVoices}. */
export interface EquityPromptsProps {
  state: MeetingState;
  /** The server's time the figures are read at. */
  now: number;
  viewerId: string;
  commands: Commands;
}

/**
 * The dominance alert: whoever's share of the meeting's floor is above the facilitator's threshold
 * right now (the domain's `dominant`, so it clears by itself once the balance recovers), in words,
 * with what to do about it. A polite live region, so it is heard when it appears.
 */
export function DominanceAlerts({ state, now }: Pick<EquityPromptsProps, "state" | "now">) {
  const styles = useStyles();
  const strings = useStrings();
  return (
    <div className={styles.alerts} role="status">
      {dominant(state, now).map((found) => (
        <p key={found.userId} className={styles.alert} data-testid="dominance-alert" data-user-id={found.userId}>
          <WarningFilled className={styles.alertIcon} aria-hidden="true" />
          <span>
            <strong>{strings.t("equity.alertTitle")}</strong>{" "}
            {strings.t("equity.alert", {
              name: participantName(state, found.userId, strings.t("participant.unknown")),
              share: shareText(strings, found.share),
              ratio: ratioText(strings, found.ratio),
              fair: shareText(strings, found.fairShare),
            })}{" "}
            {strings.t("equity.alertHint")}
          </span>
        </p>
      ))}
    </div>
  );
}

/**
 * The quiet-voices prompt: who present has not held the floor on the current item (once someone
 * has), each with "Invite first" (first among new points), and one action to start a round from
 * the first of them (switching to round-robin if needed).
 */
export function QuietVoices({ state, now, viewerId, commands }: EquityPromptsProps) {
  const styles = useStyles();
  const controls = useQueueControlStyles();
  const strings = useStrings();
  const headingId = useId();
  const itemId = currentItemId(state);
  // the facilitator does not invite themselves
  const quiet = notSpokenInItem(state, now, itemId).filter((userId) => userId !== viewerId);
  const first = quiet[0];
  if (first === undefined || totalFloorMs(state, now, itemId) === 0) return null;
  const queue = orderedQueue(state);
  const unknown = strings.t("participant.unknown");

  const handleStartRound = async () => {
    const isRoundRobin = state.queueSettings.policy === "roundRobin" || (await commands.send({ type: "queue.setPolicy", payload: { policy: "roundRobin" } }));
    if (isRoundRobin) await commands.send({ type: "round.start", payload: { startWith: first } });
  };

  return (
    <section className={controls.stack} aria-labelledby={headingId} data-testid="quiet-voices">
      <h3 id={headingId} className={controls.heading}>
        {strings.t(itemId === null ? "equity.quiet" : "equity.quietItem")}
      </h3>
      <ul className={styles.list}>
        {quiet.map((userId) => {
          const entry = entryOfKind(state, userId, "newPoint");
          return (
            <li key={userId} className={styles.person} data-testid="quiet-voice" data-user-id={userId}>
              <span className={styles.who} id={`${headingId}-${userId}`}>
                <span>{participantName(state, userId, unknown)}</span>
                {entry ? <span className={controls.secondary}>{strings.t("equity.inLine", { place: strings.ordinal(queue.indexOf(entry) + 1) })}</span> : null}
              </span>
              <Button
                size="small"
                aria-describedby={`${headingId}-${userId}`}
                disabled={commands.isInFlight("queue.invite")}
                data-testid="invite-button"
                onClick={() => void commands.send({ type: "queue.invite", payload: { userId } })}
              >
                {strings.t("equity.invite")}
              </Button>
            </li>
          );
        })}
      </ul>
      {state.rounds.current ? null : (
        <Button data-testid="quiet-round-button" disabled={commands.isInFlight("round.start")} onClick={() => void handleStartRound()}>
          {strings.t("equity.roundFrom", { name: participantName(state, first, unknown) })}
        </Button>
      )}
    </section>
  );
}
