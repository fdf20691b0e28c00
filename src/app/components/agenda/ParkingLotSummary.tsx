import { useId } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { itemOf } from "../../../domain/agenda/selectors.ts";
import { parkingLotEntries } from "../../../domain/facilitation/parkingLot.ts";
import type { MeetingState, ParkingLotEntry } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { TextBadge } from "../TextBadge.tsx";
import { useAgendaStyles } from "./agendaStyles.ts";
import { DeleteIcon } from "./agendaIcons.ts";

const useStyles = makeStyles({
  entry: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, alignItems: "start" },
  text: { margin: 0, overflowWrap: "anywhere" },
  meta: { gridColumn: "1 / -1" },
  actions: { gridColumn: "1 / -1" },
});

/** Props of {@link ParkingLotSummary}. */
export interface ParkingLotSummaryProps {
  state: MeetingState;
  viewerId: string;
  /** A facilitator promotes any point and removes any; others remove only their own. */
  canFacilitate: boolean;
  commands: Commands;
}

/** The points parked during the meeting, in order; promoted ones are marked as carried to a later meeting. Facilitators promote or remove them, authors remove their own. */
export function ParkingLotSummary({ state, viewerId, canFacilitate, commands }: ParkingLotSummaryProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const headingId = useId();
  const entries = parkingLotEntries(state);
  const unknown = strings.t("participant.unknown");
  const isBusy = commands.isInFlight("parkingLot.remove") || commands.isInFlight("parkingLot.promote");
  const actionsFor = (entry: ParkingLotEntry) => {
    const canPromote = canFacilitate && entry.promotion === null;
    const canRemove = canFacilitate || entry.authorId === viewerId;
    if (!canPromote && !canRemove) return null;
    return (
      <div className={`${shared.actions} ${styles.actions}`}>
        {canPromote ? (
          <Button size="small" disabledFocusable={isBusy} onClick={() => void commands.send({ type: "parkingLot.promote", payload: { entryId: entry.entryId } })} data-testid="parked-promote">
            {strings.t("parked.promote")}
          </Button>
        ) : null}
        {canRemove ? (
          <Button
            size="small"
            appearance="subtle"
            icon={<DeleteIcon />}
            disabledFocusable={isBusy}
            onClick={() => void commands.send({ type: "parkingLot.remove", payload: { entryId: entry.entryId } })}
            data-testid="parked-remove"
          >
            {strings.t("action.remove")}
          </Button>
        ) : null}
      </div>
    );
  };
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>
        {strings.t("facilitation.parkingLot")}
      </h2>
      {entries.length === 0 ? <p className={shared.secondary}>{strings.t("facilitation.parkingLotEmpty")}</p> : null}
      <ul className={shared.list}>
        {entries.map((entry) => {
          const item = entry.itemId ? itemOf(state, entry.itemId) : undefined;
          const by = strings.t("facilitation.parkedBy", { name: participantName(state, entry.authorId, unknown) });
          return (
            <li key={entry.entryId} className={`${shared.card} ${styles.entry}`} data-testid="parked-entry" data-entry-id={entry.entryId} data-promoted={entry.promotion !== null}>
              <p className={styles.text}>{entry.text}</p>
              {entry.promotion ? (
                <TextBadge tone="brand" size="medium">
                  {strings.t("summary.carried")}
                </TextBadge>
              ) : (
                <span />
              )}
              <span className={`${shared.secondary} ${styles.meta}`}>{item ? `${item.title} · ${by}` : by}</span>
              {actionsFor(entry)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
