import { makeStyles, mergeClasses } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { StageNow } from "./StageNow.tsx";
import { StageQueue } from "./StageQueue.tsx";
import { StageRolesBanner } from "./StageRolesBanner.tsx";
import { StageSpeaker } from "./StageSpeaker.tsx";
import { StageTimeline } from "./StageTimeline.tsx";

/** How many waiting people the stage names; the rest are counted. Six stay legible at 720 p. */
export const STAGE_VISIBLE_ENTRIES = 6;
/** With the agenda beside it the queue is smaller: four still fit at 720 p. */
export const STAGE_VISIBLE_ENTRIES_WITH_AGENDA = 4;

const useStyles = makeStyles({
  root: { flexGrow: 1, display: "flex", flexDirection: "column", gap: "2.4vh", minHeight: 0 },
  grid: { flexGrow: 1, display: "grid", gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)", gap: "3vw", alignItems: "stretch" },
  agendaGrid: { gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)", gap: "2vw" },
  side: { display: "flex", flexDirection: "column", gap: "2vh", minWidth: 0 },
});

/** Props of {@link StageBody}. */
export interface StageBodyProps {
  state: MeetingState;
  clock: ServerClock;
}

/**
 * The stage's content. With an agenda: the roles for the item, the agenda timeline, and the item,
 * phase and countdown in the main place, with the speaker and the queue beside them. Without one:
 * the speaker and the queue, large.
 */
export function StageBody({ state, clock }: StageBodyProps) {
  const styles = useStyles();
  if (state.agenda.order.length === 0) {
    return (
      <div className={styles.grid}>
        <StageSpeaker state={state} clock={clock} isCompact={false} />
        <StageQueue state={state} visibleEntries={STAGE_VISIBLE_ENTRIES} isCompact={false} />
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <StageRolesBanner state={state} />
      <StageTimeline state={state} />
      <div className={mergeClasses(styles.grid, styles.agendaGrid)}>
        <StageNow state={state} clock={clock} />
        <div className={styles.side}>
          <StageSpeaker state={state} clock={clock} isCompact />
          <StageQueue state={state} visibleEntries={STAGE_VISIBLE_ENTRIES_WITH_AGENDA} isCompact />
        </div>
      </div>
    </div>
  );
}
