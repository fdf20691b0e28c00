import "../../i18n/facilitationControlsMessages.ts";
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Limits } from "../../../protocol/limits.ts";
import type { Phase } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { TextField } from "../TextField.tsx";

/** The extensions offered, in minutes; all within the protocol's limits. */
const EXTENSION_CHOICES = [1, 2, 5, 10, 15] as const;

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fieldset: { margin: 0, padding: 0, border: "none", minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  choices: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  choice: { minWidth: "52px" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** Props of {@link ExtendTimerForm}. */
export interface ExtendTimerFormProps {
  /** The phase shown when the form was opened; the command names it so a late extension is refused. */
  itemId: string;
  phase: Phase;
  commands: Commands;
  onDone: () => void;
}

/** Adding minutes to the running phase, with the reason the record keeps (required). */
export function ExtendTimerForm({ itemId, phase, commands, onDone }: ExtendTimerFormProps) {
  const styles = useStyles();
  const strings = useStrings();
  const [minutes, setMinutes] = useState<number>(5);
  const [reason, setReason] = useState("");
  const isSending = commands.isInFlight("timer.extend");
  const trimmed = reason.trim();

  const handleSubmit = async () => {
    const isExtended = await commands.send({ type: "timer.extend", payload: { minutes, reason: trimmed, expectedItemId: itemId, expectedPhase: phase } });
    if (isExtended) onDone();
  };

  return (
    <form
      className={styles.form}
      data-testid="extend-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed && !isSending) void handleSubmit();
      }}
    >
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{strings.t("facilitation.extendMinutes")}</legend>
        <div className={styles.choices}>
          {EXTENSION_CHOICES.map((choice) => (
            <Button
              key={choice}
              className={styles.choice}
              size="small"
              appearance={choice === minutes ? "primary" : "secondary"}
              aria-pressed={choice === minutes}
              data-testid={`extend-minutes-${choice}`}
              onClick={() => setMinutes(choice)}
            >
              {strings.plural("facilitation.minutes", choice)}
            </Button>
          ))}
        </div>
      </fieldset>
      <TextField
        label={strings.t("facilitation.extendReason")}
        hint={strings.t("facilitation.extendReasonHint")}
        value={reason}
        maxLength={Limits.maxReasonLength}
        data-testid="extend-reason-input"
        disabled={isSending}
        onChange={(value) => setReason(value.slice(0, Limits.maxReasonLength))}
      />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" data-testid="extend-submit-button" disabled={!trimmed || isSending}>
          {strings.t("facilitation.extendSubmit")}
        </Button>
        <Button onClick={onDone}>{strings.t("facilitation.cancel")}</Button>
      </div>
    </form>
  );
}
