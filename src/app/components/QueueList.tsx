import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MeetingState, QueueEntry } from "../../domain/meeting/state.ts";
import { useStrings } from "../i18n/useStrings.ts";
import { InitialsAvatar } from "./InitialsAvatar.tsx";
import { participantName } from "./participantName.ts";
import { TextBadge } from "./TextBadge.tsx";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  entry: {
    display: "grid",
    gridTemplateColumns: "auto auto 1fr",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
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
  who: { minWidth: 0, display: "flex", flexDirection: "column", gap: "2px" },
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
  listTestId?: string;
  entryTestId?: string;
}

/** The queue as a numbered list: place, name, "You" and "Next" in words (not colour alone), topic. */
export function QueueList({ state, entries, viewerId, listTestId, entryTestId }: QueueListProps) {
  const styles = useStyles();
  const strings = useStrings();
  return (
    <ol className={styles.list} data-testid={listTestId}>
      {entries.map((entry, index) => {
        const name = participantName(state, entry.userId, strings.t("participant.unknown"));
        const isMine = entry.userId === viewerId;
        return (
          <li key={entry.entryId} className={mergeClasses(styles.entry, isMine && styles.mine)} data-testid={entryTestId} data-entry-id={entry.entryId}>
            <span className={styles.place} aria-hidden="true">
              {index + 1}
            </span>
            <InitialsAvatar name={name} size={28} />
            <span className={styles.who}>
              <span className={styles.nameLine}>
                <span className={styles.name}>{name}</span>
                {isMine ? (
                  <TextBadge tone="brand">{strings.t("queue.you")}</TextBadge>
                ) : null}
                {index === 0 ? (
                  <TextBadge tone="informative">{strings.t("queue.next")}</TextBadge>
                ) : null}
              </span>
              {entry.topic ? <span className={styles.topic}>{entry.topic}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
