import { Suspense } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { HandRightRegular } from "@fluentui/react-icons";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { placeInQueue } from "../../../domain/queue/order.ts";
import { estimatedWaitMs } from "../../../domain/queue/wait.ts";
import { waitText } from "../../components/queue/waitText.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useServerNow } from "../../hooks/useServerNow.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { LazyMyEntries, LazyMyFigures } from "../../components/queue/lazyQueue.ts";
import { RaiseHandControl } from "./RaiseHandControl.tsx";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

const useStyles = makeStyles({
  place: {
    margin: 0,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  icon: { fontSize: "20px", flexShrink: 0 },
});

/** Props of {@link MyStatus}. */
export interface MyStatusProps {
  state: MeetingState;
  viewerId: string;
  clock: ServerClock;
  commands: Commands;
}

/**
 * The viewer's own part: where they stand (a polite live region, so a screen reader hears the
 * place change as others are given the floor), a rough estimate of their wait, their entries,
 * raising another, and their own floor figures (nobody else's: those are the facilitator's).
 */
export function MyStatus({ state, viewerId, clock, commands }: MyStatusProps) {
  const styles = useStyles();
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const place = placeInQueue(state, viewerId);
  const status =
    state.floor?.userId === viewerId
      ? strings.t("me.speaking")
      : place !== null
        ? strings.t("me.inLine", { place: strings.ordinal(place) })
        : strings.t("me.notRaised");
  return (
    <section className={shared.section} aria-labelledby="my-status-heading">
      <h2 id="my-status-heading" className={shared.heading}>
        {strings.t("me.heading")}
      </h2>
      <p className={styles.place} role="status" data-testid="my-place" data-place={place ?? ""}>
        {place !== null ? <HandRightRegular className={styles.icon} aria-hidden="true" /> : null}
        {status}
      </p>
      <MyWait state={state} viewerId={viewerId} clock={clock} />
      <Suspense fallback={null}>
        <LazyMyEntries state={state} viewerId={viewerId} commands={commands} />
      </Suspense>
      <RaiseHandControl state={state} viewerId={viewerId} commands={commands} />
      <Suspense fallback={null}>
        <LazyMyFigures state={state} viewerId={viewerId} clock={clock} />
      </Suspense>
    </section>
  );
}

/** "Estimated wait: about 4 minutes", re-read as the clock runs; nothing while no turn is coming. */
function MyWait({ state, viewerId, clock }: { state: MeetingState; viewerId: string; clock: ServerClock }) {
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const wait = estimatedWaitMs(state, viewerId, useServerNow(clock, state.floor !== null));
  if (wait === null) return null;
  return (
    <p className={shared.secondary} data-testid="my-wait">
      {strings.t("me.wait", { wait: waitText(strings, wait) })}
    </p>
  );
}
