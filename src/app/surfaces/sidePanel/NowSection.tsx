import { Suspense } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { powersOf } from "../../../domain/roles/holders.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { LazyFacilitationControls } from "../../components/facilitation/lazyFacilitation.ts";
import { PhaseCountdown } from "../../components/facilitation/PhaseCountdown.tsx";
import { numberedPhase, roleHolders, situationOf, type Situation } from "../../components/facilitation/roomView.ts";
import { participantName } from "../../components/participantName.ts";
import { TextBadge } from "../../components/TextBadge.tsx";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { Strings } from "../../i18n/strings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  countdown: { margin: 0, display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  overrun: { color: tokens.colorStatusDangerForeground1 },
  paused: { padding: `0 ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusCircular, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
});

/** Props of {@link NowSection}. */
export interface NowSectionProps {
  state: MeetingState;
  viewerId: string;
  clock: ServerClock;
  commands: Commands;
}

/**
 * Where the meeting is: the item, its phase, the phase's countdown, whether the room debates or
 * decides, and who holds which role on one wrapping line ("You are the …" for the viewer's own). Facilitators and timekeepers also get
 * the controls to run it, loaded only for them.
 */
export function NowSection({ state, viewerId, clock, commands }: NowSectionProps) {
  const styles = useStyles();
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const situation = situationOf(state);
  const phase = numberedPhase(state);
  const powers = powersOf(state, viewerId);
  const holders = phase ? roleHolders(state, phase.item.itemId) : [];
  const mine = holders.filter((holder) => holder.userId === viewerId).map((holder) => holder.role);
  return (
    // a named region rather than a heading: on screen the card speaks for itself
    <section className={shared.section} aria-label={strings.t("facilitation.heading")}>
      <div
        className={shared.card}
        data-testid="current-phase"
        data-situation={situation}
        data-item-id={phase?.item.itemId ?? ""}
        data-phase={phase?.phase ?? ""}
        data-mode={phase?.item.mode ?? ""}
      >
        {phase ? (
          <>
            <p className={shared.title}>{phase.item.title}</p>
            <p className={shared.text}>
              <strong>{strings.t(`facilitation.phase.${phase.phase}`)}</strong>
              {" · "}
              {strings.t("facilitation.phaseOf", { phase: phase.phaseNumber, phases: phase.phaseCount, item: phase.itemNumber, items: phase.itemCount })}
            </p>
            <PhaseCountdown
              state={state}
              clock={clock}
              classes={{ root: styles.row, line: styles.countdown, overrun: styles.overrun, paused: styles.paused }}
              data-testid="phase-countdown"
            />
            <div className={styles.row}>
              <span data-testid="room-mode" data-mode={phase.item.mode}>
                <TextBadge tone={phase.item.mode === "decision" ? "brand" : "informative"} size="medium">
                  {strings.t(phase.item.mode === "decision" ? "facilitation.mode.decision" : "facilitation.mode.debating")}
                </TextBadge>
              </span>
              {mine.map((role) => (
                <TextBadge key={role} tone="brand" size="medium">
                  {strings.t(`facilitation.youAre.${role}`)}
                </TextBadge>
              ))}
            </div>
            <p className={shared.secondary} data-testid="role-badges" data-roles={holders.map(({ role, userId }) => `${role}:${userId}`).join(" ")}>
              {holders.length === 0
                ? strings.t("facilitation.noRoles")
                : holders.map(({ role, userId }, index) => (
                    <span key={role} data-role={role} data-user-id={userId}>
                      {index > 0 ? " · " : ""}
                      {strings.t(`facilitation.role.${role}`)} <strong>{participantName(state, userId, strings.t("participant.unknown"))}</strong>
                    </span>
                  ))}
            </p>
          </>
        ) : (
          <p className={shared.text}>{situationText(strings, situation, state.agenda.order.length)}</p>
        )}
        {powers.canFacilitate || powers.canKeepTime ? (
          <Suspense fallback={null}>
            <LazyFacilitationControls state={state} powers={powers} commands={commands} />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
}

// running always has a phase on screen; without one the room is between steps
const SITUATION_TEXT = {
  noAgenda: "facilitation.noAgenda",
  running: "facilitation.betweenItems",
  betweenItems: "facilitation.betweenItems",
  agendaDone: "facilitation.agendaDone",
  ended: "facilitation.ended",
} as const;

function situationText(strings: Strings, situation: Situation, itemCount: number): string {
  return situation === "notStarted" ? strings.plural("facilitation.notStarted", itemCount) : strings.t(SITUATION_TEXT[situation]);
}
