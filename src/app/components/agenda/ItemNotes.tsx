import { useState } from "react";
import { Button, Field, Textarea, makeStyles } from "@fluentui/react-components";
import type { AgendaItem } from "../../../domain/meeting/state.ts";
import { Limits } from "../../../protocol/limits.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";

const useStyles = makeStyles({
  notes: { whiteSpace: "pre-wrap" },
});

/** Props of {@link ItemNotes}. */
export interface ItemNotesProps {
  item: AgendaItem;
  /** Whether the viewer may write these notes (the item's scribe or a facilitator). */
  canEdit: boolean;
  commands: Commands;
}

/** One item's notes: the scribe (or a facilitator) edits and saves them, everyone else reads them. */
export function ItemNotes({ item, canEdit, commands }: ItemNotesProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  // null while the viewer has not typed, so notes saved elsewhere show up
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? item.notes;

  const handleSave = async () => {
    if (draft === null) return;
    if (await commands.send({ type: "item.setNotes", payload: { itemId: item.itemId, notes: draft } })) setDraft(null);
  };

  if (!canEdit) {
    return (
      <div className={shared.section} data-testid="item-notes" data-item-id={item.itemId}>
        <h3 className={shared.subheading}>{item.title}</h3>
        <p className={item.notes ? `${shared.text} ${styles.notes}` : shared.secondary} data-testid="item-notes-text">
          {item.notes || strings.t("notes.none")}
        </p>
      </div>
    );
  }
  return (
    <div className={shared.section} data-testid="item-notes" data-item-id={item.itemId}>
      <Field label={strings.t("notes.for", { title: item.title })}>
        <Textarea value={value} rows={4} maxLength={Limits.maxNotesLength} resize="vertical" onChange={(_, data) => setDraft(data.value)} data-testid="item-notes-input" />
      </Field>
      <div className={shared.actions}>
        <Button appearance="primary" disabledFocusable={draft === null || commands.isInFlight("item.setNotes")} onClick={() => void handleSave()} data-testid="item-notes-save">
          {strings.t("action.save")}
        </Button>
      </div>
    </div>
  );
}
