import type { ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MeetingState, QueueEntry } from "../../domain/meeting/state.ts";
import { nextSpeaker } from "../../domain/queue/order.ts";
import { useStrings } from "../i18n/useStrings.ts";
import { InitialsAvatar } from "./InitialsAvatar.tsx";
import { participantName } from "./participantName.ts";
import { KindBadge } from "./queue/KindBadge.tsx";
import { TextBadge } from "./TextBadge.tsx";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  entry: {
    display: "grid",
    gridTemplateColumns: "auto auto minmax(0, 1fr) auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  mine: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  place: {
    minWidth: "20px",
    textAlign: "end",
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground2,
  },
  who: { minWidth: 0, display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px" },
  nameLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  topic: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
});

/** Props of {@link QueueList}. */
export interface QueueListProps {
  state: MeetingState;
  /** The speaking order, from the domain's `orderedQueue`. */
  entries: readonly QueueEntry[];
  /** Marks this person's entry with "You"; null for a read-only overview. */
  viewerId: string | null;
  /** A facilitator's controls for one entry, shown at the end of its row (and below it when unfolded). */
  renderActions?: (entry: QueueEntry, name: string) => ReactNode;
  listTestId?: string;
  entryTestId?: string;
}

/**
 * The queue as a numbered list: place, name, the entry's kind, and "You", "Next" and "Invited" in
 * words (not colour alone), then the topic. "Next" marks whom `floor.grantNext` would choose, which
 * is not the head of the queue while a round is under way.
 */
export function QueueList({ state, entries, viewerId, renderActions, listTestId, entryTestId }: QueueListProps) {
  const styles = useStyles();
  const strings = useStrings();
  const nextEntryId = nextSpeaker(state)?.entry?.entryId;
  return (
    <ol className={styles.list} data-testid={listTestId}>
      {entries.map((entry, index) => {
        const name = participantName(state, entry.userId, strings.t("participant.unknown"));
        const isMine = entry.userId === viewerId;
        return (
          <li
            key={entry.entryId}
            className={mergeClasses(styles.entry, isMine && styles.mine)}
            data-testid={entryTestId}
            data-entry-id={entry.entryId}
            data-user-id={entry.userId}
            data-kind={entry.kind}
          >
            <span className={styles.place} aria-hidden="true">
              {index + 1}
            </span>
            <InitialsAvatar name={name} size={28} />
            <span className={styles.who}>
              <span className={styles.nameLine}>
                <span className={styles.name}>{name}</span>
                {isMine ? <TextBadge tone="brand">{strings.t("queue.you")}</TextBadge> : null}
                {entry.entryId === nextEntryId ? <TextBadge tone="informative">{strings.t("queue.next")}</TextBadge> : null}
              </span>
              <span className={styles.nameLine}>
                <KindBadge kind={entry.kind} />
                {entry.invitedBy ? <TextBadge tone="informative">{strings.t("queue.invited")}</TextBadge> : null}
              </span>
              {entry.topic ? <span className={styles.topic}>{entry.topic}</span> : null}
            </span>
            {renderActions?.(entry, name)}
          </li>
        );
      })}
    </ol>
  );
}
