import { Button } from "@fluentui/react-components";
import type { MeetingState, QueueEntry } from "../../../domain/meeting/state.ts";
import { participantName } from "../../components/participantName.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

/** Props of {@link FacilitatorControls}. */
export interface FacilitatorControlsProps {
  state: MeetingState;
  /** The head of the queue as shown; the grant names it so a stale grant is refused, not misapplied. */
  next: QueueEntry | undefined;
  viewerId: string;
  commands: Commands;
}

/** Giving the floor to the person shown as next, and ending someone else's turn. */
export function FacilitatorControls({ state, next, viewerId, commands }: FacilitatorControlsProps) {
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const speaker = state.floor?.userId;
  return (
    <section className={shared.section} aria-labelledby="facilitator-heading">
      <h2 id="facilitator-heading" className={shared.heading}>
        {strings.t("facilitator.heading")}
      </h2>
      {next ? (
        <Button
          appearance="primary"
          className={shared.fullWidth}
          data-testid="grant-floor-button"
          data-entry-id={next.entryId}
          disabled={commands.isInFlight("floor.grantNext")}
          onClick={() => void commands.send({ type: "floor.grantNext", payload: { expectedEntryId: next.entryId } })}
        >
          {strings.t("facilitator.grant", { name: participantName(state, next.userId, strings.t("participant.unknown")) })}
        </Button>
      ) : (
        <p className={shared.secondary}>{strings.t("facilitator.nobodyWaiting")}</p>
      )}
      {speaker !== undefined && speaker !== viewerId ? (
        <Button
          className={shared.fullWidth}
          data-testid="end-turn-button"
          disabled={commands.isInFlight("floor.yield")}
          onClick={() => void commands.send({ type: "floor.yield", payload: {} })}
        >
          {strings.t("facilitator.endTurn")}
        </Button>
      ) : null}
    </section>
  );
}
