import { useId } from "react";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { AssumptionOutcomes } from "./AssumptionOutcomes.tsx";
import { ParkingLotSummary } from "./ParkingLotSummary.tsx";
import { TimeReportTable } from "./TimeReportTable.tsx";

/** Props of {@link SummaryPanel}. */
export interface SummaryPanelProps {
  state: MeetingState;
  serverClock: ServerClock;
}

/** The meeting so far, or once it ended: time planned against used per item, assumption outcomes, the parking lot. */
export function SummaryPanel({ state, serverClock }: SummaryPanelProps) {
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
      <ParkingLotSummary state={state} />
    </div>
  );
}
