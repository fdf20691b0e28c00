import "../../i18n/facilitationControlsMessages.ts";
import { useRef, useState, type ReactElement, type RefObject } from "react";
import type { Command } from "../../../protocol/commands.ts";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
// icons from icon files the side panel does not load: one from a file it loads would ride along in its first download
import { ClockPauseRegular, CommentMultipleRegular, GavelRegular, HourglassHalfRegular, PlayRegular } from "@fluentui/react-icons";
import { itemOf } from "../../../domain/agenda/selectors.ts";
import { stepBefore } from "../../../domain/facilitation/walk.ts";
import type { Powers } from "../../../domain/roles/holders.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useRestoreLostFocus } from "../../hooks/useRestoreLostFocus.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { ExtendTimerForm } from "./ExtendTimerForm.tsx";
import { EndMeetingControl } from "./EndMeetingControl.tsx";
import { nextMove } from "./nextMove.ts";
import { ShareToStage } from "./ShareToStage.tsx";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
});

/** Props of {@link FacilitationControls}. */
export interface FacilitationControlsProps {
  state: MeetingState;
  powers: Powers;
  commands: Commands;
}

/**
 * Running the meeting from the side panel, shown by the viewer's powers from the domain: the
 * facilitator starts, moves on or back, closes or reopens debate and ends; the timekeeper (and the
 * facilitator) pauses, resumes and extends. Each move names the step shown, so a click made on a
 * view the room has already left is refused as stale instead of moving the room twice.
 */
export function FacilitationControls({ state, powers, commands }: FacilitationControlsProps) {
  const styles = useStyles();
  const strings = useStrings();
  // the form belongs to the phase it was opened in: moving on closes it
  const [extendingStep, setExtendingStep] = useState<string | null>(null);
  const { status, current } = state.facilitation;
  const currentStep = current ? `${current.itemId}/${current.phase}` : null;
  const isExtending = currentStep !== null && extendingStep === currentStep;
  const expected = { expectedItemId: current?.itemId ?? null, expectedPhase: current?.phase ?? null };
  const next = nextMove(state);
  const back = stepBefore(state);
  const item = current ? itemOf(state, current.itemId) : undefined;
  const isPaused = current?.pausedAt != null;
  // pause becomes resume and close becomes reopen: keep a keyboard user on the button that replaced theirs
  const timerToggle = useRef<HTMLButtonElement>(null);
  const debateToggle = useRef<HTMLButtonElement>(null);
  useRestoreLostFocus(timerToggle, [isPaused]);
  useRestoreLostFocus(debateToggle, [item?.mode]);

  if (status === "ended") return null;
  if (status === "notStarted") {
    if (!powers.canFacilitate || state.agenda.order.length === 0) return null;
    return (
      <div className={styles.root} role="group" aria-label={strings.t("facilitation.controlsLabel")}>
        <Button
          appearance="primary"
          icon={<PlayRegular />}
          data-testid="start-meeting-button"
          disabled={commands.isInFlight("meeting.start")}
          onClick={() => void commands.send({ type: "meeting.start", payload: {} })}
        >
          {strings.t("facilitation.start")}
        </Button>
        <ShareToStage size="small" />
      </div>
    );
  }

  const nextLabel =
    next?.kind === "phase"
      ? strings.t("facilitation.nextPhase", { phase: strings.t(`facilitation.phase.${next.to.phase}`) })
      : next?.kind === "item"
        ? strings.t("facilitation.nextItem")
        : strings.t("facilitation.finish");
  const isMoving = commands.isInFlight("facilitation.advance") || commands.isInFlight("facilitation.stepBack");

  return (
    <div className={styles.root} role="group" aria-label={strings.t("facilitation.controlsLabel")}>
      {powers.canFacilitate ? (
        <div className={styles.row}>
          {back ? (
            <Button
              data-testid="step-back-button"
              disabled={isMoving}
              onClick={() => void commands.send({ type: "facilitation.stepBack", payload: expected })}
            >
              {strings.t("facilitation.back")}
            </Button>
          ) : null}
          {next ? (
            <Button
              className={styles.grow}
              appearance="primary"
              data-testid="advance-button"
              data-next={next.kind}
              disabled={isMoving}
              onClick={() => void commands.send({ type: "facilitation.advance", payload: expected })}
            >
              {nextLabel}
            </Button>
          ) : null}
        </div>
      ) : null}
      {current && (powers.canKeepTime || (powers.canFacilitate && item)) ? (
        <div className={styles.row}>
          {powers.canKeepTime ? (
            <CommandToggle
              buttonRef={timerToggle}
              isOn={isPaused}
              commands={commands}
              on={{ command: { type: "timer.resume", payload: {} }, testId: "resume-button", icon: <PlayRegular />, label: strings.t("facilitation.resume") }}
              off={{ command: { type: "timer.pause", payload: {} }, testId: "pause-button", icon: <ClockPauseRegular />, label: strings.t("facilitation.pause") }}
            />
          ) : null}
          {powers.canKeepTime ? (
            <Button icon={<HourglassHalfRegular />} size="small" data-testid="extend-button" aria-expanded={isExtending} onClick={() => setExtendingStep(isExtending ? null : currentStep)}>
              {strings.t("facilitation.extend")}
            </Button>
          ) : null}
          {powers.canFacilitate && item ? (
            <CommandToggle
              buttonRef={debateToggle}
              isOn={item.mode !== "debating"}
              commands={commands}
              on={{ command: { type: "debate.reopen", payload: { itemId: item.itemId } }, testId: "reopen-debate-button", icon: <CommentMultipleRegular />, label: strings.t("facilitation.reopenDebate") }}
              off={{ command: { type: "debate.close", payload: { itemId: item.itemId } }, testId: "close-debate-button", icon: <GavelRegular />, label: strings.t("facilitation.closeDebate") }}
            />
          ) : null}
        </div>
      ) : null}
      {current && powers.canKeepTime && isExtending ? (
        <ExtendTimerForm itemId={current.itemId} phase={current.phase} commands={commands} onDone={() => setExtendingStep(null)} />
      ) : null}
      {powers.canFacilitate ? (
        <div className={styles.row}>
          <ShareToStage size="small" />
          <EndMeetingControl commands={commands} />
        </div>
      ) : null}
    </div>
  );
}

/** One side of a {@link CommandToggle}: the command it sends and how its button reads. */
interface ToggleSide {
  command: Command;
  testId: string;
  icon: ReactElement;
  label: string;
}

/** A button that flips between two commands (pause/resume, close/reopen debate) as the state flips. */
function CommandToggle({ isOn, on, off, commands, buttonRef }: { isOn: boolean; on: ToggleSide; off: ToggleSide; commands: Commands; buttonRef: RefObject<HTMLButtonElement | null> }) {
  const side = isOn ? on : off;
  return (
    <Button
      ref={buttonRef}
      icon={side.icon}
      size="small"
      data-testid={side.testId}
      disabled={commands.isInFlight(side.command.type)}
      onClick={() => void commands.send(side.command)}
    >
      {side.label}
    </Button>
  );
}
