import { Button } from "@fluentui/react-components";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";

/** Props of {@link FormActions}. */
export interface FormActionsProps {
  isBusy: boolean;
  onCancel: () => void;
  saveTestId: string;
  cancelTestId?: string;
}

/** Save and Cancel at the foot of a meeting-tab form; Save stays focusable while its command is in flight. */
export function FormActions({ isBusy, onCancel, saveTestId, cancelTestId }: FormActionsProps) {
  const shared = useAgendaStyles();
  const strings = useStrings();
  return (
    <div className={shared.actions}>
      <Button type="submit" appearance="primary" disabledFocusable={isBusy} data-testid={saveTestId}>
        {strings.t("action.save")}
      </Button>
      <Button type="button" onClick={onCancel} data-testid={cancelTestId}>
        {strings.t("facilitation.cancel")}
      </Button>
    </div>
  );
}
