import "../../i18n/queueControlsMessages.ts";
import { useId, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingState, QueueEntry } from "../../../domain/meeting/state.ts";
import { orderedKind } from "../../../domain/queue/order.ts";
import type { Command } from "../../../protocol/commands.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { PlainSelect } from "../agenda/PlainSelect.tsx";
import { participantName } from "../participantName.ts";
import { MoreIcon } from "./queueIcons.ts";

const useStyles = makeStyles({
  // below the entry's row, across the whole row
  panel: { gridColumn: "1 / -1", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  before: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  label: { flexShrink: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  select: { flexGrow: 1, minWidth: 0 },
});

/** Props of {@link EntryActions}. */
export interface EntryActionsProps {
  state: MeetingState;
  entry: QueueEntry;
  /** The entry's owner, as the list shows them. */
  name: string;
  commands: Commands;
}

/**
 * A facilitator's actions on one entry, unfolded under its row from a "…" button: give the floor
 * now, move to the top of its kind or before another entry of its kind, skip (behind the next one
 * of its kind), remove. The domain keeps entries within their kind, so only those are offered.
 */
export function EntryActions({ state, entry, name, commands }: EntryActionsProps) {
  const styles = useStyles();
  const strings = useStrings();
  const selectId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const line = orderedKind(state, entry.kind);
  const index = line.findIndex((other) => other.entryId === entry.entryId);
  // before the one right behind it is where it already is
  const targets = line.filter((other, otherIndex) => otherIndex !== index && otherIndex !== index + 1);
  const label = strings.t("entryActions.label", { name, kind: strings.t(`queue.kind.${entry.kind}`) });
  const isBusy = (["floor.grant", "queue.moveEntry", "queue.skip", "queue.removeEntry"] as const).some((type) => commands.isInFlight(type));

  const run = async (command: Command) => {
    if (await commands.send(command)) setIsOpen(false);
  };

  return (
    <>
      <Button
        appearance="subtle"
        size="small"
        icon={<MoreIcon />}
        aria-label={label}
        title={label}
        aria-expanded={isOpen}
        data-testid="entry-actions-button"
        onClick={() => setIsOpen(!isOpen)}
      />
      {isOpen ? (
        <div className={styles.panel} role="group" aria-label={label} data-testid="entry-actions">
          <div className={styles.buttons}>
            <Button size="small" appearance="primary" disabled={isBusy} data-testid="entry-grant-button" onClick={() => void run({ type: "floor.grant", payload: { entryId: entry.entryId } })}>
              {strings.t("entryActions.grant")}
            </Button>
            {index > 0 ? (
              <Button size="small" disabled={isBusy} data-testid="entry-top-button" onClick={() => void run({ type: "queue.moveEntry", payload: { entryId: entry.entryId } })}>
                {strings.t("entryActions.top")}
              </Button>
            ) : null}
            {index < line.length - 1 ? (
              <Button size="small" disabled={isBusy} data-testid="entry-skip-button" onClick={() => void run({ type: "queue.skip", payload: { entryId: entry.entryId } })}>
                {strings.t("entryActions.skip")}
              </Button>
            ) : null}
            <Button size="small" disabled={isBusy} data-testid="entry-remove-button" onClick={() => void run({ type: "queue.removeEntry", payload: { entryId: entry.entryId } })}>
              {strings.t("entryActions.remove")}
            </Button>
          </div>
          {targets.length > 0 ? (
            <div className={styles.before}>
              <label className={styles.label} htmlFor={selectId}>
                {strings.t("entryActions.before")}
              </label>
              <PlainSelect
                id={selectId}
                className={styles.select}
                value=""
                disabled={isBusy}
                data-testid="entry-before-select"
                onValueChange={(beforeEntryId) => void run({ type: "queue.moveEntry", payload: { entryId: entry.entryId, beforeEntryId } })}
              >
                <option value="" disabled>
                  {strings.t("entryActions.choose")}
                </option>
                {targets.map((target) => (
                  <option key={target.entryId} value={target.entryId}>
                    {participantName(state, target.userId, strings.t("participant.unknown"))}
                  </option>
                ))}
              </PlainSelect>
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
