import "../../i18n/queueControlsMessages.ts";
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { orderedQueue } from "../../../domain/queue/order.ts";
import { KindBadge } from "./KindBadge.tsx";
import { EntryEditor } from "./EntryEditor.tsx";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  entry: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  topic: { margin: 0, overflowWrap: "anywhere", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** Props of {@link MyEntries}. */
export interface MyEntriesProps {
  state: MeetingState;
  viewerId: string;
  commands: Commands;
}

/**
 * The viewer's own entries, each with its kind, its place in the speaking order and its topic,
 * and buttons to change its kind or topic or withdraw it.
 */
export function MyEntries({ state, viewerId, commands }: MyEntriesProps) {
  const styles = useStyles();
  const strings = useStrings();
  const [editingId, setEditingId] = useState<string | null>(null);
  const queue = orderedQueue(state);
  const mine = queue.filter((entry) => entry.userId === viewerId);
  if (mine.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={strings.t("me.entries")} data-testid="my-entries">
      {mine.map((entry) => {
        const place = queue.indexOf(entry) + 1;
        const kind = strings.t(`queue.kind.${entry.kind}`).toLocaleLowerCase(strings.locale);
        return (
          <li key={entry.entryId} className={styles.entry} data-testid="my-entry" data-entry-id={entry.entryId} data-kind={entry.kind} data-place={place}>
            <span className={styles.line}>
              <KindBadge kind={entry.kind} />
              {strings.t("me.entryPlace", { place: strings.ordinal(place) })}
            </span>
            {entry.topic ? <p className={styles.topic}>{entry.topic}</p> : null}
            {editingId === entry.entryId ? (
              <EntryEditor state={state} entry={entry} commands={commands} onDone={() => setEditingId(null)} />
            ) : (
              <span className={styles.actions}>
                <Button size="small" aria-label={strings.t("me.changeLabel", { kind })} data-testid="change-entry-button" onClick={() => setEditingId(entry.entryId)}>
                  {strings.t("me.change")}
                </Button>
                <Button
                  size="small"
                  aria-label={strings.t("me.withdrawLabel", { kind })}
                  // a new point is the plain raised hand: its withdraw button is "lower hand"
                  data-testid={entry.kind === "newPoint" ? "lower-hand-button" : "withdraw-entry-button"}
                  disabled={commands.isInFlight("queue.lowerHand")}
                  onClick={() => void commands.send({ type: "queue.lowerHand", payload: { entryId: entry.entryId } })}
                >
                  {strings.t("me.withdraw")}
                </Button>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
