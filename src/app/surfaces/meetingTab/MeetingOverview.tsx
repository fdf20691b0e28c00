import { makeStyles, tokens } from "@fluentui/react-components";
import { orderedQueue } from "../../../domain/meeting/queueOrder.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { ElapsedTime } from "../../components/ElapsedTime.tsx";
import { InitialsAvatar } from "../../components/InitialsAvatar.tsx";
import { participantName } from "../../components/participantName.ts";
import { QueueList } from "../../components/QueueList.tsx";
import { TextBadge } from "../../components/TextBadge.tsx";
import { useStrings } from "../../i18n/useStrings.ts";

const useStyles = makeStyles({
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(300px, 1fr))",
    gap: tokens.spacingHorizontalXXL,
    alignItems: "start",
  },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  headingRow: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  secondary: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  speaker: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  speakerName: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  people: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  person: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr) auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  personText: { display: "flex", flexDirection: "column", minWidth: 0 },
  personName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

/** Props of {@link MeetingOverview}. */
export interface MeetingOverviewProps {
  state: MeetingState;
  serverOffsetMs: number;
}

/** Who speaks, who waits, and who is here with their meeting role. */
export function MeetingOverview({ state, serverOffsetMs }: MeetingOverviewProps) {
  const styles = useStyles();
  const strings = useStrings();
  const unknown = strings.t("participant.unknown");
  const queue = orderedQueue(state);
  const places = new Map(queue.map((entry, index) => [entry.userId, index + 1]));
  const everyone = Object.values(state.participants);
  const present = everyone.filter((participant) => participant.isPresent).sort((a, b) => a.displayName.localeCompare(b.displayName, strings.locale));
  const leftCount = everyone.length - present.length;
  const floor = state.floor;
  return (
    <div className={styles.columns}>
      <div className={styles.column}>
        <section className={styles.section} aria-labelledby="tab-speaker-heading">
          <h2 id="tab-speaker-heading" className={styles.heading}>
            {strings.t("speaker.heading")}
          </h2>
          {floor ? (
            <div className={styles.speaker}>
              <InitialsAvatar name={participantName(state, floor.userId, unknown)} size={32} />
              <span className={styles.speakerName}>{participantName(state, floor.userId, unknown)}</span>
              <ElapsedTime since={floor.since} serverOffsetMs={serverOffsetMs} />
            </div>
          ) : (
            <p className={styles.secondary}>{strings.t("speaker.nobody")}</p>
          )}
        </section>
        <section className={styles.section} aria-labelledby="tab-queue-heading">
          <div className={styles.headingRow}>
            <h2 id="tab-queue-heading" className={styles.heading}>
              {strings.t("queue.heading")}
            </h2>
            <span className={styles.secondary}>{strings.plural("queue.count", queue.length)}</span>
          </div>
          <QueueList state={state} entries={queue} viewerId={null} listTestId="tab-queue-list" entryTestId="tab-queue-entry" />
          {queue.length === 0 ? <p className={styles.secondary}>{strings.t("queue.empty")}</p> : null}
        </section>
      </div>
      <section className={styles.section} aria-labelledby="tab-people-heading">
        <div className={styles.headingRow}>
          <h2 id="tab-people-heading" className={styles.heading}>
            {strings.t("meetingTab.participants")}
          </h2>
          <span className={styles.secondary}>{strings.plural("meetingTab.presentCount", present.length)}</span>
        </div>
        {present.length === 0 ? <p className={styles.secondary}>{strings.t("meetingTab.nobodyPresent")}</p> : null}
        <ul className={styles.people} data-testid="tab-participants">
          {present.map((participant) => {
            const place = places.get(participant.userId);
            return (
              <li key={participant.userId} className={styles.person} data-testid="tab-participant">
                <InitialsAvatar name={participant.displayName} size={32} />
                <span className={styles.personText}>
                  <span className={styles.personName}>{participant.displayName}</span>
                  <span className={styles.secondary}>{strings.t(`role.${participant.meetingRole}`)}</span>
                </span>
                {floor?.userId === participant.userId ? (
                  <TextBadge tone="brand" size="medium">
                    {strings.t("meetingTab.speaking")}
                  </TextBadge>
                ) : place !== undefined ? (
                  <TextBadge tone="informative" size="medium">
                    {strings.t("meetingTab.inLine", { place: strings.ordinal(place) })}
                  </TextBadge>
                ) : null}
              </li>
            );
          })}
        </ul>
        {leftCount > 0 ? <p className={styles.secondary}>{strings.plural("meetingTab.leftCount", leftCount)}</p> : null}
      </section>
    </div>
  );
}
