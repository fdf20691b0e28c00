import type { MeetingState, QueueEntry } from "../../../domain/meeting/state.ts";
import { QueueList } from "../../components/QueueList.tsx";
import { useStrings } from "../../i18n/useStrings.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

/** Props of {@link QueueSection}. */
export interface QueueSectionProps {
  state: MeetingState;
  queue: readonly QueueEntry[];
  viewerId: string;
}

/** Everyone waiting, in the order they will speak. */
export function QueueSection({ state, queue, viewerId }: QueueSectionProps) {
  const shared = useSidePanelStyles();
  const strings = useStrings();
  return (
    <section className={shared.section} aria-labelledby="queue-heading">
      <div className={shared.headingRow}>
        <h2 id="queue-heading" className={shared.heading}>
          {strings.t("queue.heading")}
        </h2>
        <span className={shared.secondary}>{strings.plural("queue.count", queue.length)}</span>
      </div>
      <QueueList state={state} entries={queue} viewerId={viewerId} listTestId="queue-list" entryTestId="queue-entry" />
      {queue.length === 0 ? <p className={shared.secondary}>{strings.t("queue.empty")}</p> : null}
    </section>
  );
}
