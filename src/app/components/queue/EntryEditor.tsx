import "../../i18n/queueControlsMessages.ts";
import { useState } from "react";
import { Button, Radio, RadioGroup } from "@fluentui/react-components";
import type { MeetingState, QueueEntry } from "../../../domain/meeting/state.ts";
import { Limits } from "../../../protocol/limits.ts";
import { ENTRY_KINDS, type EntryKind } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { TextField } from "../TextField.tsx";
import { kindProblem } from "./kindProblem.ts";
import { useQueueControlStyles } from "./queueControlStyles.ts";

/** Props of {@link EntryEditor}. */
export interface EntryEditorProps {
  state: MeetingState;
  entry: QueueEntry;
  commands: Commands;
  /** Called once the change is saved, or on Cancel. */
  onDone: () => void;
}

/**
 * Changing one's own entry: its kind (kinds the owner may not raise now are offered disabled; a new
 * kind goes to the back of that kind's line, which the form says) and its topic (empty removes it).
 */
export function EntryEditor({ state, entry, commands, onDone }: EntryEditorProps) {
  const styles = useQueueControlStyles();
  const strings = useStrings();
  const [kind, setKind] = useState<EntryKind>(entry.kind);
  const [topic, setTopic] = useState(entry.topic ?? "");
  const isSaving = commands.isInFlight("queue.changeEntry");
  const trimmed = topic.trim();
  const isTopicChanged = trimmed !== (entry.topic ?? "");

  const handleSave = async () => {
    if (kind === entry.kind && !isTopicChanged) {
      onDone();
      return;
    }
    const isSaved = await commands.send({
      type: "queue.changeEntry",
      payload: { entryId: entry.entryId, ...(kind !== entry.kind ? { kind } : {}), ...(isTopicChanged ? { topic: trimmed } : {}) },
    });
    if (isSaved) onDone();
  };

  return (
    <form
      className={styles.panel}
      data-testid="entry-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (!isSaving) void handleSave();
      }}
    >
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{strings.t("change.kind")}</legend>
        <RadioGroup value={kind} onChange={(_, data) => setKind(data.value as EntryKind)} data-testid="entry-kind-choices">
          {ENTRY_KINDS.map((choice) => (
            <Radio
              key={choice}
              value={choice}
              label={strings.t(`queue.kind.${choice}`)}
              disabled={choice !== entry.kind && kindProblem(state, entry.userId, choice) !== null}
              data-testid={`entry-kind-${choice}`}
            />
          ))}
        </RadioGroup>
        <p className={styles.secondary}>{strings.t("change.kindNote")}</p>
      </fieldset>
      <TextField
        label={strings.t("raise.topicLabel")}
        hint={strings.plural("raise.topicRemaining", Limits.maxTopicLength - topic.length)}
        value={topic}
        maxLength={Limits.maxTopicLength}
        disabled={isSaving}
        data-testid="entry-topic-input"
        onChange={(value) => setTopic(value.slice(0, Limits.maxTopicLength))}
      />
      <div className={styles.row}>
        <Button type="submit" appearance="primary" size="small" data-testid="entry-save-button" disabled={isSaving}>
          {strings.t("change.save")}
        </Button>
        <Button size="small" onClick={onDone}>
          {strings.t("change.cancel")}
        </Button>
      </div>
    </form>
  );
}
