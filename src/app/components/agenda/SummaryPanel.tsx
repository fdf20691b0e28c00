import { useId } from "react";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { AssumptionOutcomes } from "./AssumptionOutcomes.tsx";
import { NotesSection } from "./NotesSection.tsx";
import { ParkingLotSummary } from "./ParkingLotSummary.tsx";
import { TimeReportTable } from "./TimeReportTable.tsx";

/** Props of {@link SummaryPanel}. */
export interface SummaryPanelProps {
  state: MeetingState;
  serverClock: ServerClock;
  viewerId: string;
  /** Whether the viewer runs the room (promotes and removes parked points). */
  canFacilitate: boolean;
  commands: Commands;
}

/** The meeting so far, or once it ended: time planned against used per item, assumption outcomes, the scribes' notes, the parking lot. */
export function SummaryPanel({ state, serverClock, viewerId, canFacilitate, commands }: SummaryPanelProps) {
  const shared = useAgendaStyles();
  const strings = useStrings();
  const headingId = useId();
  return (
    <div className={shared.panel}>
      <section className={shared.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={shared.heading}>
          {strings.t("summary.time")}
        </h2>
        <TimeReportTable state={state} serverClock={serverClock} />
      </section>
      <AssumptionOutcomes state={state} />
      <NotesSection state={state} viewerId={viewerId} commands={commands} />
      <ParkingLotSummary state={state} viewerId={viewerId} canFacilitate={canFacilitate} commands={commands} />
    </div>
  );
}
