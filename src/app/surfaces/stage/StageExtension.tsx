import { makeStyles, tokens } from "@fluentui/react-components";
import { phaseUsage } from "../../../domain/facilitation/timer.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { participantName } from "../../components/participantName.ts";
import { useStrings } from "../../i18n/useStrings.ts";

const useStyles = makeStyles({
  line: { margin: 0, fontSize: "clamp(14px, 1.6vw, 22px)", lineHeight: 1.3, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** Props of {@link StageExtension}. */
export interface StageExtensionProps {
  state: MeetingState;
}

/** The running phase's latest extension, so the room sees who added time and why. */
export function StageExtension({ state }: StageExtensionProps) {
  const styles = useStyles();
  const strings = useStrings();
  const current = state.facilitation.current;
  const latest = current ? phaseUsage(state, current.itemId, current.phase).extensions.at(-1) : undefined;
  if (!latest) return null;
  return (
    <p className={styles.line} data-testid="stage-extension">
      {strings.t("facilitation.extension", {
        minutes: latest.minutes,
        name: participantName(state, latest.by, strings.t("participant.unknown")),
        reason: latest.reason,
      })}
    </p>
  );
}
