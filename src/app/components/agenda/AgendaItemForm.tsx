import { useId } from "react";
import { Checkbox, Field, Input, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { AgendaItem, MeetingState } from "../../../domain/meeting/state.ts";
import { PHASES, type Phase } from "../../../protocol/vocabulary.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { FormActions } from "./FormActions.tsx";
import { fieldProblemMessage } from "./fieldProblemMessage.ts";
import { PlainSelect } from "./PlainSelect.tsx";
import { checkDraft, draftOf, type ItemDraft, type ItemValues } from "./itemDraft.ts";
import { useCheckedForm } from "./useCheckedForm.ts";

const useStyles = makeStyles({
  phases: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))", gap: tokens.spacingHorizontalM, margin: 0, padding: 0, border: "none", minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
  phase: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  phaseHint: { marginLeft: "32px" },
  minutes: { marginLeft: "32px", maxWidth: "140px" },
  owner: { maxWidth: "320px" },
  error: { margin: 0, color: tokens.colorStatusDangerForeground1, fontSize: tokens.fontSizeBase200 },
});

/** Props of {@link AgendaItemForm}. */
export interface AgendaItemFormProps {
  state: MeetingState;
  /** The item to edit, or null to add one. */
  item: AgendaItem | null;
  heading: string;
  /** Phases the room has already walked (or is in) on an active item: they cannot change. */
  lockedPhases?: readonly Phase[];
  isBusy: boolean;
  /** Sends the values; resolves to whether the server accepted them (the form closes then). */
  onSubmit: (values: ItemValues) => Promise<boolean>;
  onCancel: () => void;
}

/**
 * Adds or edits an agenda item: title, goal, owner (a participant, by name) and the phases with
 * their timeboxes. Every field is checked against the server's limits before anything is sent, and
 * the message names the field.
 */
export function AgendaItemForm({ state, item, heading, lockedPhases = [], isBusy, onSubmit, onCancel }: AgendaItemFormProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const { draft, problems, update, formRef, handleSubmit } = useCheckedForm({ initial: () => draftOf(item), check: checkDraft, onSubmit });
  const headingId = useId();
  const phasesErrorId = useId();

  const setPhase = (phase: Phase, change: Partial<ItemDraft["phases"][Phase]>) =>
    update({ ...draft, phases: { ...draft.phases, [phase]: { ...draft.phases[phase], ...change } } });

  const people = Object.values(state.participants).sort((a, b) => a.displayName.localeCompare(b.displayName, strings.locale));
  const titleLabel = strings.t("item.title");
  const goalLabel = strings.t("item.goal");
  return (
    <form ref={formRef} className={shared.form} aria-labelledby={headingId} onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="item-form">
      <h3 id={headingId} className={shared.subheading}>
        {heading}
      </h3>
      <Field label={titleLabel} required validationState={problems?.title ? "error" : "none"} validationMessage={fieldProblemMessage(strings, titleLabel, problems?.title ?? null)}>
        <Input value={draft.title} onChange={(_, data) => update({ ...draft, title: data.value })} data-testid="item-title-input" />
      </Field>
      <Field
        label={goalLabel}
        validationState={problems?.goal ? "error" : "none"}
        validationMessage={fieldProblemMessage(strings, goalLabel, problems?.goal ?? null)}
      >
        <Textarea value={draft.goal} resize="vertical" onChange={(_, data) => update({ ...draft, goal: data.value })} data-testid="item-goal-input" />
      </Field>
      <Field label={strings.t("item.owner")} className={styles.owner}>
        {(props) => (
          <PlainSelect {...props} value={draft.ownerId} onValueChange={(ownerId) => update({ ...draft, ownerId })} data-testid="item-owner-select">
            <option value="">{strings.t("item.noOwner")}</option>
            {people.map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.displayName}
              </option>
            ))}
          </PlainSelect>
        )}
      </Field>
      <fieldset className={styles.phases} aria-describedby={problems?.phases ? phasesErrorId : undefined}>
        <legend className={styles.legend}>{strings.t("item.phases")}</legend>
        {PHASES.map((phase) => {
          const entry = draft.phases[phase];
          const isLocked = lockedPhases.includes(phase);
          const minutesLabel = strings.t("item.minutes", { phase: strings.t(`facilitation.phase.${phase}`) });
          const problem = problems?.minutes[phase] ?? null;
          return (
            <div key={phase} className={styles.phase}>
              <Checkbox
                label={strings.t(`facilitation.phase.${phase}`)}
                checked={entry.isChosen}
                disabled={isLocked}
                onChange={(_, data) => setPhase(phase, { isChosen: data.checked === true })}
                data-testid={`phase-checkbox-${phase}`}
              />
              <span className={`${shared.secondary} ${styles.phaseHint}`}>{strings.t(`facilitation.phaseHint.${phase}`)}</span>
              {entry.isChosen ? (
                <Field
                  className={styles.minutes}
                  label={minutesLabel}
                  size="small"
                  validationState={problem ? "error" : "none"}
                  validationMessage={fieldProblemMessage(strings, minutesLabel, problem)}
                >
                  <Input
                    type="number"
                    inputMode="numeric"
                    size="small"
                    value={entry.minutes}
                    disabled={isLocked}
                    onChange={(_, data) => setPhase(phase, { minutes: data.value })}
                    data-testid={`phase-minutes-${phase}`}
                  />
                </Field>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      {problems?.phases ? (
        <p id={phasesErrorId} className={styles.error} role="alert">
          {strings.t("form.phases")}
        </p>
      ) : null}
      <FormActions isBusy={isBusy} onCancel={onCancel} saveTestId="item-save" cancelTestId="item-cancel" />
    </form>
  );
}
