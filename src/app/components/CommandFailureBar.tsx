import type { CommandFailure } from "../hooks/useCommands.ts";
import { useStrings } from "../i18n/useStrings.ts";
import type { Strings } from "../i18n/strings.ts";
import { Notice } from "./Notice.tsx";

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
    <Notice
      intent="error"
      title={strings.t("rejection.title")}
      dismiss={{ label: strings.t("rejection.dismiss"), onDismiss }}
      data-testid="rejection-message"
      data-code={failure.kind === "rejected" ? failure.code : failure.kind}
    >
      {describeFailure(strings, failure)}
    </Notice>
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
