import { useId } from "react";
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { Limits } from "../../../protocol/limits.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { FormActions } from "./FormActions.tsx";
import { fieldProblemMessage } from "./fieldProblemMessage.ts";
import { linkProblem, textProblem, type FieldProblem } from "./fieldProblems.ts";
import { useCheckedForm, type Checked } from "./useCheckedForm.ts";

const useStyles = makeStyles({
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM, alignItems: "start" },
});

interface LinkDraft {
  url: string;
  label: string;
}

// a required https address and an optional label, both sent trimmed
const checkLink = (draft: LinkDraft): Checked<LinkDraft, { url: FieldProblem | null; label: FieldProblem | null }> => {
  const problems = { url: linkProblem(draft.url, true), label: textProblem(draft.label, Limits.maxLinkLabelLength, false) };
  return problems.url || problems.label ? { ok: false, problems } : { ok: true, values: { url: draft.url.trim(), label: draft.label.trim() } };
};

/** Props of {@link DataLinkForm}. */
export interface DataLinkFormProps {
  isBusy: boolean;
  /** Resolves to whether the server accepted the link. */
  onSubmit: (values: { url: string; label: string }) => Promise<boolean>;
  onCancel: () => void;
}

/** A link to data for an item: an https address and an optional label. */
export function DataLinkForm({ isBusy, onSubmit, onCancel }: DataLinkFormProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const { draft, problems, update, formRef, handleSubmit } = useCheckedForm({ initial: () => ({ url: "", label: "" }), check: checkLink, onSubmit, initialFocus: "input" });
  const headingId = useId();

  const urlLabel = strings.t("prework.dataLink");
  const labelLabel = strings.t("prework.label");
  return (
    <form ref={formRef} className={shared.form} aria-labelledby={headingId} onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="link-form">
      <h4 id={headingId} className={shared.subheading}>
        {strings.t("prework.addLink")}
      </h4>
      <div className={styles.pair}>
        <Field label={urlLabel} required validationState={problems?.url ? "error" : "none"} validationMessage={fieldProblemMessage(strings, urlLabel, problems?.url ?? null)}>
          <Input
            type="url"
            inputMode="url"
            placeholder="https://"
            value={draft.url}
            onChange={(_, data) => update({ ...draft, url: data.value })}
            data-testid="link-url-input"
          />
        </Field>
        <Field
          label={labelLabel}
          validationState={problems?.label ? "error" : "none"}
          validationMessage={fieldProblemMessage(strings, labelLabel, problems?.label ?? null)}
        >
          <Input
            value={draft.label}
            onChange={(_, data) => update({ ...draft, label: data.value })}
            data-testid="link-label-input"
          />
        </Field>
      </div>
      <FormActions isBusy={isBusy} onCancel={onCancel} saveTestId="link-save" />
    </form>
  );
}
