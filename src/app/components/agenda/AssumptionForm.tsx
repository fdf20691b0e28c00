import { useId } from "react";
import { Field, Input, Radio, RadioGroup, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Assumption } from "../../../domain/meeting/state.ts";
import { CONFIDENCE_LEVELS, type Confidence } from "../../../protocol/vocabulary.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { FormActions } from "./FormActions.tsx";
import { assumptionDraftOf, checkAssumption, type AssumptionValues } from "./assumptionDraft.ts";
import { fieldProblemMessage } from "./fieldProblemMessage.ts";
import { useCheckedForm } from "./useCheckedForm.ts";

const useStyles = makeStyles({
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", gap: tokens.spacingHorizontalM, alignItems: "start" },
});

/** Props of {@link AssumptionForm}. */
export interface AssumptionFormProps {
  /** The author's assumption to change, or null to add one. */
  assumption: Assumption | null;
  heading: string;
  isBusy: boolean;
  /** Resolves to whether the server accepted it. */
  onSubmit: (values: AssumptionValues) => Promise<boolean>;
  onCancel: () => void;
}

/** An assumption: the statement, the evidence for it, an optional https link to data, and how confident the author is. */
export function AssumptionForm({ assumption, heading, isBusy, onSubmit, onCancel }: AssumptionFormProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const { draft, problems, update, formRef, handleSubmit } = useCheckedForm({
    initial: () => assumptionDraftOf(assumption),
    check: checkAssumption,
    onSubmit,
    initialFocus: "textarea",
  });
  const headingId = useId();

  const statementLabel = strings.t("prework.statement");
  const evidenceLabel = strings.t("prework.evidence");
  const linkLabel = strings.t("prework.dataLink");
  return (
    <form ref={formRef} className={shared.form} aria-labelledby={headingId} onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="assumption-form">
      <h4 id={headingId} className={shared.subheading}>
        {heading}
      </h4>
      <Field
        label={statementLabel}
        required
        validationState={problems?.statement ? "error" : "none"}
        validationMessage={fieldProblemMessage(strings, statementLabel, problems?.statement ?? null)}
      >
        <Textarea value={draft.statement} resize="vertical" onChange={(_, data) => update({ ...draft, statement: data.value })} data-testid="assumption-statement-input" />
      </Field>
      <Field
        label={evidenceLabel}
        validationState={problems?.evidence ? "error" : "none"}
        validationMessage={fieldProblemMessage(strings, evidenceLabel, problems?.evidence ?? null)}
      >
        <Textarea value={draft.evidence} resize="vertical" onChange={(_, data) => update({ ...draft, evidence: data.value })} data-testid="assumption-evidence-input" />
      </Field>
      <div className={styles.pair}>
        <Field
          label={linkLabel}
          validationState={problems?.dataLink ? "error" : "none"}
          validationMessage={fieldProblemMessage(strings, linkLabel, problems?.dataLink ?? null)}
        >
          <Input type="url" inputMode="url" placeholder="https://" value={draft.dataLink} onChange={(_, data) => update({ ...draft, dataLink: data.value })} data-testid="assumption-link-input" />
        </Field>
        <Field label={strings.t("prework.confidence")}>
          <RadioGroup layout="horizontal" value={draft.confidence} onChange={(_, data) => update({ ...draft, confidence: data.value as Confidence })}>
            {CONFIDENCE_LEVELS.map((level) => (
              <Radio key={level} value={level} label={strings.t(`confidence.${level}`)} data-testid={`confidence-${level}`} />
            ))}
          </RadioGroup>
        </Field>
      </div>
      <FormActions isBusy={isBusy} onCancel={onCancel} saveTestId="assumption-save" />
    </form>
  );
}
