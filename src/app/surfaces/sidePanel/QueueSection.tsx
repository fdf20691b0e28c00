import { Suspense } from "react";
import type { MeetingState, QueueEntry } from "../../../domain/meeting/state.ts";
import { QueueList } from "../../components/QueueList.tsx";
import { LazyEntryActions } from "../../components/queue/lazyQueue.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

/** Props of {@link QueueSection}. */
export interface QueueSectionProps {
  state: MeetingState;
  queue: readonly QueueEntry[];
  viewerId: string;
  /** Facilitators get each entry's actions (give the floor, move, skip, remove), loaded for them only. */
  canArrange: boolean;
  commands: Commands;
}

/** Everyone waiting, in the order they will speak, with the ordering policy and whether the queue is closed. */
export function QueueSection({ state, queue, viewerId, canArrange, commands }: QueueSectionProps) {
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const { policy, isClosed } = state.queueSettings;
  return (
    <section className={shared.section} aria-labelledby="queue-heading" data-testid="queue-section" data-policy={policy} data-closed={String(isClosed)}>
      <div className={shared.headingRow}>
        <h2 id="queue-heading" className={shared.heading}>
          {strings.t("queue.heading")}
        </h2>
        <span className={shared.secondary}>
          {strings.plural("queue.count", queue.length)} · {strings.t(`queue.policy.${policy}`)}
        </span>
      </div>
      {isClosed ? <p className={shared.secondary}>{strings.t("queue.closed")}</p> : null}
      <QueueList
        state={state}
        entries={queue}
        viewerId={viewerId}
        renderActions={
          canArrange
            ? (entry, name) => (
                <Suspense fallback={null}>
                  <LazyEntryActions state={state} entry={entry} name={name} commands={commands} />
                </Suspense>
              )
            : undefined
        }
        listTestId="queue-list"
        entryTestId="queue-entry"
      />
      {queue.length === 0 ? <p className={shared.secondary}>{strings.t("queue.empty")}</p> : null}
    </section>
  );
}
