import { useId, useState } from "react";
import { Button, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { AGENDA_TEMPLATES, type AgendaTemplate } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { describeTemplate } from "./templateDescription.ts";

const useStyles = makeStyles({
  choice: { display: "flex", flexDirection: "column" },
  choiceName: { fontWeight: tokens.fontWeightSemibold },
});

/** Props of {@link TemplatePicker}. */
export interface TemplatePickerProps {
  commands: Commands;
}

/**
 * Chooses a template and adds its items. It says first that a template only ever adds items after
 * the existing ones, and for each template what it adds, so nobody fears losing their agenda.
 */
export function TemplatePicker({ commands }: TemplatePickerProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const [template, setTemplate] = useState<AgendaTemplate>("strategicOffsite");
  const headingId = useId();
  const helpId = useId();
  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>
        {strings.t("agenda.template")}
      </h2>
      <p id={helpId} className={shared.text}>
        {strings.t("agenda.templateHelp")}
      </p>
      <RadioGroup
        value={template}
        aria-labelledby={headingId}
        aria-describedby={helpId}
        onChange={(_, data) => setTemplate(data.value as AgendaTemplate)}
        data-testid="template-choice"
      >
        {AGENDA_TEMPLATES.map((option) => (
          <Radio
            key={option}
            value={option}
            data-testid={`template-${option}`}
            label={
              <span className={styles.choice}>
                <span className={styles.choiceName}>{strings.t(`template.${option}`)}</span>
                <span className={shared.secondary}>{describeTemplate(strings, option)}</span>
              </span>
            }
          />
        ))}
      </RadioGroup>
      <div>
        <Button disabledFocusable={commands.isInFlight("agenda.applyTemplate")} onClick={() => void commands.send({ type: "agenda.applyTemplate", payload: { template, language: strings.locale === "fr-CA" ? "fr" : "en" } })} data-testid="template-apply">
          {strings.t("agenda.applyTemplate")}
        </Button>
      </div>
    </section>
  );
}
