import { useEffect, useId, useState } from "react";
import { Button } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { fetchCarryOverOffer, type CarryOverOfferView } from "../../api/carryOver.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { TextBadge } from "../TextBadge.tsx";
import { useAgendaStyles } from "./agendaStyles.ts";

/** Props of {@link CarryOverPanel}. */
export interface CarryOverPanelProps {
  state: MeetingState;
  commands: Commands;
  getToken: () => Promise<string>;
}

type Lookup = { kind: "loading" } | { kind: "none" } | { kind: "offer"; offer: CarryOverOfferView } | { kind: "failed"; message: string };

/**
 * For agenda editors: what the last meeting ended in this chat or channel left open (unfinished
 * items, promoted parked points), with one action to put it on this agenda. Shows nothing when
 * there is nothing to carry.
 */
export function CarryOverPanel({ state, commands, getToken }: CarryOverPanelProps) {
  const shared = useAgendaStyles();
  const strings = useStrings();
  const headingId = useId();
  const [lookup, setLookup] = useState<Lookup>({ kind: "loading" });
  const carriedCount = state.agenda.carriedOverFrom.length;

  // asked again after every carry, so the offer disappears once it is on the agenda
  useEffect(() => {
    let isCurrent = true;
    fetchCarryOverOffer(state.meetingId, getToken).then(
      (offer) => isCurrent && setLookup(offer ? { kind: "offer", offer } : { kind: "none" }),
      (error: unknown) => isCurrent && setLookup({ kind: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [state.meetingId, getToken, carriedCount]);

  if (lookup.kind === "loading" || lookup.kind === "none") return null;
  if (lookup.kind === "failed") {
    return (
      <p className={shared.secondary} data-testid="carry-over-failed">
        {strings.t("carryOver.failed", { reason: lookup.message })}
      </p>
    );
  }
  const { offer } = lookup;
  const endedOn = new Intl.DateTimeFormat(strings.locale, { dateStyle: "medium", timeStyle: "short" }).format(offer.sourceEndedAt);
  return (
    <section className={shared.card} aria-labelledby={headingId} data-testid="carry-over">
      <h2 id={headingId} className={shared.heading}>
        {strings.t("carryOver.heading")}
      </h2>
      <p className={shared.text}>{strings.plural("carryOver.intro", offer.items.length, { date: endedOn })}</p>
      <ul className={shared.list}>
        {offer.items.map((item, index) => (
          <li key={index} className={shared.row} data-testid="carry-over-item" data-reason={item.reason}>
            <TextBadge tone="informative" size="medium">{strings.t(`carryOver.reason.${item.reason}`)}</TextBadge>
            <span className={shared.text}>{item.title}</span>
          </li>
        ))}
      </ul>
      <div>
        <Button
          appearance="primary"
          disabledFocusable={commands.isInFlight("agenda.carryOver")}
          onClick={() => void commands.send({ type: "agenda.carryOver", payload: { sourceMeetingId: offer.sourceMeetingId } })}
          data-testid="carry-over-apply"
        >
          {strings.plural("carryOver.apply", offer.items.length)}
        </Button>
      </div>
    </section>
  );
}
