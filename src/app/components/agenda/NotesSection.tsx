import { useId } from "react";
import { agendaItems } from "../../../domain/agenda/selectors.ts";
import { canEditNotes } from "../../../domain/roles/holders.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { ItemNotes } from "./ItemNotes.tsx";

/** Props of {@link NotesSection}. */
export interface NotesSectionProps {
  state: MeetingState;
  viewerId: string;
  commands: Commands;
}

/** Each agenda item's notes, editable by whoever `canEditNotes` allows and read-only for the rest. */
export function NotesSection({ state, viewerId, commands }: NotesSectionProps) {
  const shared = useAgendaStyles();
  const strings = useStrings();
  const headingId = useId();
  const items = agendaItems(state);
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="notes-section">
      <h2 id={headingId} className={shared.heading}>
        {strings.t("notes.title")}
      </h2>
      {items.length === 0 ? <p className={shared.secondary}>{strings.t("agenda.empty")}</p> : null}
      {items.map((item) => (
        <ItemNotes key={item.itemId} item={item} canEdit={canEditNotes(state, item.itemId, viewerId)} commands={commands} />
      ))}
    </section>
  );
}
