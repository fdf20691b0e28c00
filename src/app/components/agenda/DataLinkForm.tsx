import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { Limits } from "../../../protocol/limits.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { fieldProblemMessage } from "./fieldProblemMessage.ts";
import { linkProblem, textProblem, type FieldProblem } from "./fieldProblems.ts";

const useStyles = makeStyles({
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM, alignItems: "start" },
});

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
  const [url, setUrl] = useState("");
  const [label, setLabel] = useState("");
  const [problems, setProblems] = useState<{ url: FieldProblem | null; label: FieldProblem | null } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();

  useEffect(() => {
    const form = formRef.current;
    (form?.querySelector<HTMLElement>(attempt > 0 ? '[aria-invalid="true"]' : "input") ?? null)?.focus();
  }, [attempt]);

  const check = (nextUrl: string, nextLabel: string) => {
    const found = { url: linkProblem(nextUrl, true), label: textProblem(nextLabel, Limits.maxLinkLabelLength, false) };
    return found.url || found.label ? found : null;
  };
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(url, label);
    setProblems(found);
    if (found) {
      setAttempt((count) => count + 1);
      return;
    }
    await onSubmit({ url: url.trim(), label: label.trim() });
  };

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
            value={url}
            onChange={(_, data) => {
              setUrl(data.value);
              if (problems) setProblems(check(data.value, label));
            }}
            data-testid="link-url-input"
          />
        </Field>
        <Field
          label={labelLabel}
          validationState={problems?.label ? "error" : "none"}
          validationMessage={fieldProblemMessage(strings, labelLabel, problems?.label ?? null)}
        >
          <Input
            value={label}
            onChange={(_, data) => {
              setLabel(data.value);
              if (problems) setProblems(check(url, data.value));
            }}
            data-testid="link-label-input"
          />
        </Field>
      </div>
      <div className={shared.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={isBusy} data-testid="link-save">
          {strings.t("action.save")}
        </Button>
        <Button type="button" onClick={onCancel}>
          {strings.t("facilitation.cancel")}
        </Button>
      </div>
    </form>
  );
}
