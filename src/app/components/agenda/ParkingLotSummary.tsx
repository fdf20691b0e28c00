import { useId } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { itemOf } from "../../../domain/agenda/selectors.ts";
import { parkingLotEntries } from "../../../domain/facilitation/parkingLot.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { TextBadge } from "../TextBadge.tsx";
import { useAgendaStyles } from "./agendaStyles.ts";

const useStyles = makeStyles({
  entry: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, alignItems: "start" },
  text: { margin: 0, overflowWrap: "anywhere" },
  meta: { gridColumn: "1 / -1" },
});

/** Props of {@link ParkingLotSummary}. */
export interface ParkingLotSummaryProps {
  state: MeetingState;
}

/** The points parked during the meeting, in order; promoted ones are marked as carried to a later meeting. */
export function ParkingLotSummary({ state }: ParkingLotSummaryProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const headingId = useId();
  const entries = parkingLotEntries(state);
  const unknown = strings.t("participant.unknown");
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
            <li key={entry.entryId} className={`${shared.card} ${styles.entry}`} data-testid="parked-entry" data-promoted={entry.promotion !== null}>
              <p className={styles.text}>{entry.text}</p>
              {entry.promotion ? (
                <TextBadge tone="brand" size="medium">
                  {strings.t("summary.carried")}
                </TextBadge>
              ) : (
                <span />
              )}
              <span className={`${shared.secondary} ${styles.meta}`}>{item ? `${item.title} · ${by}` : by}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
