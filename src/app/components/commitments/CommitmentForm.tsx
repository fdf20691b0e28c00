import { useId, useState, type FormEvent } from "react";
import { Button, Checkbox, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { utcCalendarDate } from "../../../protocol/commitmentDates.ts";
import { Limits } from "../../../protocol/limits.ts";
import "../../i18n/commitmentsMessages.ts";
import type { Strings } from "../../i18n/strings.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { draftProblems, type CommitmentDraft, type DraftProblem } from "./commitmentDraft.ts";
import { useCommitmentStyles } from "./commitmentStyles.ts";

const useStyles = makeStyles({
  owners: { maxHeight: "176px", overflowY: "auto", display: "flex", flexDirection: "column", paddingRight: tokens.spacingHorizontalXS },
});

/** Props of {@link CommitmentForm}. */
export interface CommitmentFormProps {
  state: MeetingState;
  viewerId: string;
  initial: CommitmentDraft;
  /** Set when editing: an unchanged past due date is not refused. */
  previousDueDate?: string;
  now: number;
  isBusy: boolean;
  onSubmit: (draft: CommitmentDraft) => Promise<void>;
  onCancel: () => void;
}

/**
 * Captures or edits a commitment: title, owners picked from the people who joined, due date, notes
 * and the agenda item. The server's checks run here first and name the field; whatever the server
 * still refuses shows in the panel's failure bar.
 */
export function CommitmentForm({ state, viewerId, initial, previousDueDate, now, isBusy, onSubmit, onCancel }: CommitmentFormProps) {
  const styles = useCommitmentStyles();
  const local = useStyles();
  const strings = useStrings();
  const headingId = useId();
  const [draft, setDraft] = useState(initial);
  const [isChecked, setIsChecked] = useState(false);
  const problems = isChecked ? draftProblems(draft, now, previousDueDate) : [];
  const problemOf = (field: DraftProblem["field"]) => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem ? problemText(strings, problem) : undefined;
  };
  const today = utcCalendarDate(now);
  // anyone who joined can own a commitment; owners already chosen stay listed even if they left
  const people = Object.values(state.participants)
    .filter((participant) => participant.isPresent || draft.ownerIds.includes(participant.userId))
    .sort((a, b) => (a.userId === viewerId ? -1 : b.userId === viewerId ? 1 : a.displayName.localeCompare(b.displayName)));
  const ownersProblem = problemOf("ownerIds");

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setIsChecked(true);
    if (draftProblems(draft, now, previousDueDate).length > 0 || isBusy) return;
    void onSubmit({ ...draft, title: draft.title.trim(), notes: draft.notes.trim() });
  };

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={handleSubmit} noValidate data-testid="commitment-form">
      <h3 id={headingId} className={styles.subheading}>
        {strings.t(previousDueDate === undefined ? "commitments.captureHeading" : "commitments.editHeading")}
      </h3>
      <Field
        label={strings.t("commitments.field.title")}
        hint={strings.t("commitments.field.titleHint", { max: Limits.maxCommitmentTitleLength })}
        validationMessage={problemOf("title")}
        required
      >
        <Input value={draft.title} maxLength={Limits.maxCommitmentTitleLength + 20} onChange={(_, data) => setDraft({ ...draft, title: data.value })} data-testid="commitment-title-input" />
      </Field>
      <fieldset className={styles.fieldset} aria-describedby={`${headingId}-owners-hint`} data-testid="commitment-owners-input">
        <legend className={styles.legend}>{strings.t("commitments.field.owners")}</legend>
        <span id={`${headingId}-owners-hint`} className={styles.secondary}>
          {strings.t("commitments.field.ownersHint")}
        </span>
        <div className={local.owners}>
          {people.map((participant) => (
            <Checkbox
              key={participant.userId}
              label={participant.displayName}
              checked={draft.ownerIds.includes(participant.userId)}
              data-owner-id={participant.userId}
              onChange={(_, data) =>
                setDraft({
                  ...draft,
                  ownerIds: data.checked === true ? [...draft.ownerIds, participant.userId] : draft.ownerIds.filter((id) => id !== participant.userId),
                })
              }
            />
          ))}
        </div>
        {ownersProblem ? (
          <p className={styles.problem} role="alert">
            {ownersProblem}
          </p>
        ) : null}
      </fieldset>
      <Field label={strings.t("commitments.field.dueDate")} hint={strings.t("commitments.field.dueDateHint", { today })} validationMessage={problemOf("dueDate")} required>
        <Input type="date" value={draft.dueDate} min={today} onChange={(_, data) => setDraft({ ...draft, dueDate: data.value })} data-testid="commitment-due-input" />
      </Field>
      <Field label={strings.t("commitments.field.item")}>
        <Select value={draft.itemId ?? ""} onChange={(_, data) => setDraft({ ...draft, itemId: data.value === "" ? null : data.value })} data-testid="commitment-item-input">
          <option value="">{strings.t("commitments.field.noItem")}</option>
          {state.agenda.order.map((itemId) => (
            <option key={itemId} value={itemId}>
              {state.agenda.items[itemId]?.title ?? itemId}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.t("commitments.field.notes")} hint={strings.t("commitments.field.notesHint")} validationMessage={problemOf("notes")}>
        <Textarea value={draft.notes} resize="vertical" onChange={(_, data) => setDraft({ ...draft, notes: data.value })} data-testid="commitment-notes-input" />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={isBusy} data-testid="commitment-submit">
          {strings.t(previousDueDate === undefined ? "commitments.capture" : "commitments.save")}
        </Button>
        <Button type="button" onClick={onCancel}>
          {strings.t("commitments.cancelForm")}
        </Button>
      </div>
    </form>
  );
}

function problemText(strings: Strings, problem: DraftProblem): string {
  switch (problem.kind) {
    case "titleEmpty":
      return strings.t("commitments.problem.titleEmpty");
    case "titleTooLong":
      return strings.t("commitments.problem.titleTooLong", { max: Limits.maxCommitmentTitleLength });
    case "noOwner":
      return strings.t("commitments.problem.noOwner");
    case "tooManyOwners":
      return strings.t("commitments.problem.tooManyOwners", { max: Limits.maxCommitmentOwners });
    case "dueDateInvalid":
      return strings.t("commitments.problem.dueDateInvalid");
    case "dueDatePast":
      return strings.t("commitments.problem.dueDatePast", { date: problem.date, today: problem.today });
    case "notesTooLong":
      return strings.t("commitments.problem.notesTooLong", { max: Limits.maxCommitmentNotesLength });
  }
}
