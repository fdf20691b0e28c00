import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { CommandFailure } from "../hooks/useCommands.ts";
import { useStrings } from "../i18n/useStrings.ts";
import type { Strings } from "../i18n/strings.ts";

/** Props of {@link CommandFailureBar}. */
export interface CommandFailureBarProps {
  failure: CommandFailure | null;
  onDismiss: () => void;
}

/** The last refused or undelivered command, in the user's language, until they dismiss it. */
export function CommandFailureBar({ failure, onDismiss }: CommandFailureBarProps) {
  const strings = useStrings();
  if (!failure) return null;
  return (
    <MessageBar intent="error" layout="multiline" data-testid="rejection-message" data-code={failure.kind === "rejected" ? failure.code : failure.kind}>
      <MessageBarBody>
        <MessageBarTitle>{strings.t("rejection.title")}</MessageBarTitle> {describeFailure(strings, failure)}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={strings.t("rejection.dismiss")} onClick={onDismiss} />}
      />
    </MessageBar>
  );
}

function describeFailure(strings: Strings, failure: CommandFailure): string {
  switch (failure.kind) {
    case "rejected":
      return strings.rejection(failure.code);
    case "disconnected":
      return strings.t("error.disconnected");
    case "unexpected":
      return strings.t("error.unexpected");
  }
}
