import "../../i18n/facilitationControlsMessages.ts";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { AgendaList } from "./AgendaList.tsx";
import { ParkingLotPanel } from "./ParkingLotPanel.tsx";
import { ShareToStage } from "./ShareToStage.tsx";
import { VolunteerPanel } from "./VolunteerPanel.tsx";

const useStyles = makeStyles({
  part: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
});

/** Props of {@link MeetingExtras}. */
export interface MeetingExtrasProps {
  state: MeetingState;
  viewerId: string;
  isJoined: boolean;
  /** Whether "Share to stage" is among the viewer's controls already (see `sharesFromControls`). */
  isShareInControls: boolean;
  commands: Commands;
}

/**
 * What the side panel keeps folded: the whole agenda, the parking lot (and parking a point), the
 * roles the viewer volunteers for, and sharing to the stage. Downloaded when first unfolded.
 */
export function MeetingExtras({ state, viewerId, isJoined, isShareInControls, commands }: MeetingExtrasProps) {
  const styles = useStyles();
  const strings = useStrings();
  const canVolunteer = isJoined && state.facilitation.status !== "ended" && state.charter.rolesInUse.length > 0;
  return (
    <>
      {state.agenda.order.length > 0 ? (
        <section className={styles.part} aria-labelledby="agenda-list-heading">
          <h3 id="agenda-list-heading" className={styles.heading}>
            {strings.t("facilitation.agenda")}
          </h3>
          <AgendaList state={state} />
        </section>
      ) : null}
      <section className={styles.part} aria-labelledby="parking-lot-heading" data-testid="parking-lot-section">
        <h3 id="parking-lot-heading" className={styles.heading}>
          {strings.t("facilitation.parkingLot")}
        </h3>
        <ParkingLotPanel state={state} canAdd={isJoined} commands={commands} />
      </section>
      {canVolunteer ? (
        <section className={styles.part} aria-labelledby="volunteer-heading" data-testid="volunteer-section">
          <h3 id="volunteer-heading" className={styles.heading}>
            {strings.t("facilitation.volunteer")}
          </h3>
          <VolunteerPanel state={state} viewerId={viewerId} commands={commands} />
        </section>
      ) : null}
      {isShareInControls ? null : <ShareToStage />}
    </>
  );
}
