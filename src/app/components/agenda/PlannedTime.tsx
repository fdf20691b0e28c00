import { useState, type FormEvent } from "react";
import { Button, Field, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { plannedVsScheduled } from "../../../domain/agenda/selectors.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { Limits } from "../../../protocol/limits.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { fieldProblemMessage } from "./fieldProblemMessage.ts";
import { parseMinutes, type FieldProblem } from "./fieldProblems.ts";
import { formatMinutes } from "./formatDuration.ts";
import { CheckmarkCircleIcon, ClockIcon, WarningIcon } from "./agendaIcons.ts";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalXL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  figures: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, flex: "1 1 280px" },
  total: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  verdict: { margin: 0, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  over: { color: tokens.colorStatusDangerForeground1 },
  fits: { color: tokens.colorStatusSuccessForeground1 },
  icon: { fontSize: "20px", flexShrink: 0 },
  form: { display: "flex", alignItems: "start", gap: tokens.spacingHorizontalS },
  lengthInput: { width: "120px" },
  button: { marginTop: "26px" },
});

/** Props of {@link PlannedTime}. */
export interface PlannedTimeProps {
  state: MeetingState;
  canEdit: boolean;
  commands: Commands;
}

/**
 * The agenda's planned time against the meeting's scheduled length, said in words with an icon
 * (over, to spare, exact) so it never relies on colour; editors set the scheduled length here.
 */
export function PlannedTime({ state, canEdit, commands }: PlannedTimeProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const { plannedMinutes, scheduledMinutes, overByMinutes, isOverScheduled } = plannedVsScheduled(state);
  const format = (minutes: number) => formatMinutes(minutes, strings.locale);
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const value = draft ?? (scheduledMinutes === null ? "" : String(scheduledMinutes));
  const label = strings.t("agenda.length");

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    let minutes: number | null = null;
    if (value.trim() !== "") {
      const parsed = parseMinutes(value, Limits.minScheduledMinutes, Limits.maxScheduledMinutes);
      if (!parsed.ok) return setProblem(parsed.problem);
      minutes = parsed.minutes;
    }
    setProblem(null);
    if (await commands.send({ type: "agenda.setScheduledMinutes", payload: { minutes } })) setDraft(null);
  };

  return (
    <div className={styles.root} data-testid="agenda-time" data-planned={plannedMinutes} data-scheduled={scheduledMinutes ?? ""} data-over-by={overByMinutes ?? ""}>
      <div className={styles.figures} role="status">
        <p className={styles.total}>
          {scheduledMinutes === null
            ? strings.t("agenda.planned", { planned: format(plannedMinutes) })
            : strings.t("agenda.vsScheduled", { planned: format(plannedMinutes), scheduled: format(scheduledMinutes) })}
        </p>
        {overByMinutes === null ? (
          <p className={shared.secondary}>{strings.t("agenda.noLength")}</p>
        ) : (
          <p className={mergeClasses(styles.verdict, isOverScheduled ? styles.over : styles.fits)} data-testid="agenda-time-verdict">
            {isOverScheduled ? <WarningIcon className={styles.icon} aria-hidden /> : overByMinutes === 0 ? <CheckmarkCircleIcon className={styles.icon} aria-hidden /> : <ClockIcon className={styles.icon} aria-hidden />}
            {isOverScheduled
              ? strings.t("summary.over", { time: format(overByMinutes) })
              : overByMinutes === 0
                ? strings.t("agenda.exact")
                : strings.t("agenda.spare", { time: format(overByMinutes) })}
          </p>
        )}
      </div>
      {canEdit ? (
        <form className={styles.form} onSubmit={(event) => void handleSubmit(event)} noValidate>
          <Field
            label={label}
            validationState={problem ? "error" : "none"}
            validationMessage={fieldProblemMessage(strings, label, problem)}
          >
            <Input
              className={styles.lengthInput}
              type="number"
              inputMode="numeric"
              min={Limits.minScheduledMinutes}
              max={Limits.maxScheduledMinutes}
              value={value}
              onChange={(_, data) => setDraft(data.value)}
              data-testid="scheduled-minutes-input"
            />
          </Field>
          <Button className={styles.button} type="submit" disabledFocusable={commands.isInFlight("agenda.setScheduledMinutes")} data-testid="scheduled-minutes-save">
            {strings.t("agenda.setLength")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
