import { Suspense, useState } from "react";
import { isFacilitator } from "../../../domain/roles/holders.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { LazyMeetingExtras } from "../../components/facilitation/lazyFacilitation.ts";
import { sharesFromControls } from "../../components/facilitation/roomView.ts";
import { LabelledSpinner } from "../../components/LabelledSpinner.tsx";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

/** Props of {@link ExtrasSection}. */
export interface ExtrasSectionProps {
  state: MeetingState;
  viewerId: string;
  isJoined: boolean;
  commands: Commands;
}

/**
 * The agenda, the parking lot and the roles the viewer volunteers for, folded to one line (a native
 * `<details>`: it opens from the keyboard and says whether it is expanded without any script) so the
 * speaking queue above stays in view. What it holds is downloaded when it is first unfolded.
 */
export function ExtrasSection({ state, viewerId, isJoined, commands }: ExtrasSectionProps) {
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const [isOpen, setIsOpen] = useState(false);
  const parked = Object.keys(state.parkingLot).length;
  return (
    <details className={shared.details} data-testid="agenda-section" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary className={shared.summary}>
        <h2 className={shared.inlineHeading}>{strings.t("facilitation.more")}</h2>
        <span className={shared.secondary} data-testid="agenda-section-summary">
          {" · "}
          {strings.plural("facilitation.itemCount", state.agenda.order.length)} · {strings.plural("facilitation.parkedCount", parked)}
        </span>
      </summary>
      {isOpen ? (
        <div className={shared.detailsBody}>
          <Suspense fallback={<LabelledSpinner label={strings.t("app.loadingView")} />}>
            <LazyMeetingExtras state={state} viewerId={viewerId} isJoined={isJoined} isShareInControls={sharesFromControls(state, isFacilitator(state, viewerId))} commands={commands} />
          </Suspense>
        </div>
      ) : null}
    </details>
  );
}
