import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button, Checkbox, Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { APP_ROLES, DECISION_RULES, ROTATION_POLICIES, type AppRole, type DecisionRule, type RotationPolicy } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { charterDraftOf, charterProblems, toggled, type CharterDraft, type CharterProblems } from "./charterDraft.ts";
import { fieldProblemMessage } from "./fieldProblemMessage.ts";

const useStyles = makeStyles({
  columns: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))", gap: tokens.spacingHorizontalXXL, alignItems: "start" },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  choice: { display: "flex", flexDirection: "column" },
  choiceName: { fontWeight: tokens.fontWeightSemibold },
  fieldset: { margin: 0, padding: 0, border: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  error: { margin: 0, color: tokens.colorStatusDangerForeground1, fontSize: tokens.fontSizeBase200 },
});

/** Props of {@link CharterForm}. */
export interface CharterFormProps {
  state: MeetingState;
  commands: Commands;
}

/**
 * The organizer's charter: the default decision rule (each explained in a line), who may decide,
 * ground rules, the roles in use and how they rotate. Saved together; only what changed is applied.
 */
export function CharterForm({ state, commands }: CharterFormProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const [draft, setDraft] = useState<CharterDraft | null>(null);
  const [problems, setProblems] = useState<CharterProblems | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const decidersErrorId = useId();
  const values = draft ?? charterDraftOf(state.charter, state.roles.policy);
  const isBusy = commands.isInFlight("charter.update") || commands.isInFlight("roles.setPolicy");

  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const update = (next: CharterDraft) => {
    setDraft(next);
    // long text is flagged as it is typed; the rest once a save was tried
    const found = charterProblems(next);
    setProblems(found && (problems || found.groundRules) ? found : null);
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = charterProblems(values);
    setProblems(found);
    if (found) {
      setAttempt((count) => count + 1);
      return;
    }
    const { rotation, ...charter } = values;
    let isSaved = await commands.send({ type: "charter.update", payload: { ...charter, groundRules: charter.groundRules.trim() } });
    if (isSaved && rotation !== state.roles.policy) isSaved = await commands.send({ type: "roles.setPolicy", payload: { rotation } });
    if (isSaved) setDraft(null);
  };

  const people = Object.values(state.participants).sort((a, b) => a.displayName.localeCompare(b.displayName, strings.locale));
  const groundRulesLabel = strings.t("charter.groundRules");
  return (
    <form ref={formRef} className={shared.section} onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="charter-form">
      <div className={styles.columns}>
        <div className={styles.column}>
          <Field label={strings.t("charter.rule")}>
            <RadioGroup value={values.decisionRule} onChange={(_, data) => update({ ...values, decisionRule: data.value as DecisionRule })} data-testid="charter-rule">
              {DECISION_RULES.map((rule) => (
                <Radio
                  key={rule}
                  value={rule}
                  data-testid={`rule-${rule}`}
                  label={
                    <span className={styles.choice}>
                      <span className={styles.choiceName}>{strings.t(`rule.${rule}`)}</span>
                      <span className={shared.secondary}>{strings.t(`ruleHint.${rule}`)}</span>
                    </span>
                  }
                />
              ))}
            </RadioGroup>
          </Field>
          <fieldset className={styles.fieldset} aria-describedby={problems?.deciders ? decidersErrorId : undefined} data-testid="charter-deciders">
            <legend className={styles.legend}>{strings.t("charter.deciders")}</legend>
            {people.map((person) => (
              <Checkbox
                key={person.userId}
                label={person.displayName}
                checked={values.deciderIds.includes(person.userId)}
                aria-invalid={problems?.deciders ? true : undefined}
                onChange={(_, data) => update({ ...values, deciderIds: toggled(values.deciderIds, person.userId, data.checked === true) })}
                data-testid={`decider-${person.userId}`}
              />
            ))}
            {problems?.deciders ? (
              <p id={decidersErrorId} className={styles.error} role="alert">
                {strings.t("form.singleDecider")}
              </p>
            ) : null}
          </fieldset>
        </div>
        <div className={styles.column}>
          <Field
            label={groundRulesLabel}
            validationState={problems?.groundRules ? "error" : "none"}
            validationMessage={fieldProblemMessage(strings, groundRulesLabel, problems?.groundRules ?? null)}
          >
            <Textarea value={values.groundRules} rows={5} resize="vertical" onChange={(_, data) => update({ ...values, groundRules: data.value })} data-testid="ground-rules-input" />
          </Field>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{strings.t("charter.roles")}</legend>
            {APP_ROLES.map((role) => (
              <Checkbox
                key={role}
                checked={values.rolesInUse.includes(role)}
                onChange={(_, data) => update({ ...values, rolesInUse: toggled<AppRole>(values.rolesInUse, role, data.checked === true) })}
                data-testid={`role-in-use-${role}`}
                label={strings.t(`facilitation.role.${role}`)}
              />
            ))}
          </fieldset>
          <Field label={strings.t("charter.rotation")}>
            <RadioGroup value={values.rotation} onChange={(_, data) => update({ ...values, rotation: data.value as RotationPolicy })}>
              {ROTATION_POLICIES.map((policy) => (
                <Radio key={policy} value={policy} label={strings.t(`rotation.${policy}`)} data-testid={`rotation-${policy}`} />
              ))}
            </RadioGroup>
          </Field>
        </div>
      </div>
      <div className={shared.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={isBusy} data-testid="charter-save">
          {strings.t("charter.save")}
        </Button>
        {draft ? (
          <Button type="button" onClick={() => { setDraft(null); setProblems(null); }}>
            {strings.t("facilitation.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
