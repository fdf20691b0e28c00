import { agendaItems } from "../../../domain/agenda/selectors.ts";
import { currentPhase } from "../../../domain/facilitation/walk.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { ItemPrework } from "./ItemPrework.tsx";
import { PreworkCompleteness } from "./PreworkCompleteness.tsx";

/** Props of {@link PreworkPanel}. */
export interface PreworkPanelProps {
  state: MeetingState;
  viewerId: string;
  /** Whether the viewer may add pre-work at all (joined, meeting not ended). */
  canContribute: boolean;
  /** The organizer and facilitators see who has contributed to what. */
  canSeeCompleteness: boolean;
  /** The viewer's power to mark assumptions; it applies only to the item whose diagnose phase is running. */
  canMarkAssumptions: boolean;
  commands: Commands;
}

/** Pre-work per agenda item (assumptions and data links), with completeness per participant for those who run the meeting. */
export function PreworkPanel({ state, viewerId, canContribute, canSeeCompleteness, canMarkAssumptions, commands }: PreworkPanelProps) {
  const shared = useAgendaStyles();
  const strings = useStrings();
  const items = agendaItems(state);
  const here = currentPhase(state);
  const markableItemId = canMarkAssumptions && here?.phase === "diagnose" ? here.item.itemId : null;
  if (items.length === 0) return <p className={shared.text}>{strings.t("agenda.empty")}</p>;
  return (
    <div className={shared.panel}>
      {canSeeCompleteness ? <PreworkCompleteness state={state} /> : null}
      {items.map((item) => (
        <ItemPrework
          key={item.itemId}
          state={state}
          item={item}
          viewerId={viewerId}
          canContribute={canContribute && item.status !== "done"}
          canMark={item.itemId === markableItemId}
          commands={commands}
        />
      ))}
    </div>
  );
}
