import type { ReactNode } from "react";
import type { CommandFailure } from "../hooks/useCommands.ts";
import { interpolateNodes } from "../i18n/interpolateNodes.ts";
import { useStrings } from "../i18n/useStrings.ts";
import type { Strings } from "../i18n/strings.ts";
import { Notice } from "./Notice.tsx";

/** Props of {@link CommandFailureBar}. */
export interface CommandFailureBarProps {
  failure: CommandFailure | null;
  onDismiss: () => void;
}

/**
 * The last refused or undelivered command until the user dismisses it: what went wrong in the
 * user's language, then, for a refusal, the server's own sentence, which names the field at fault.
 */
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

function describeFailure(strings: Strings, failure: CommandFailure): ReactNode {
  switch (failure.kind) {
    case "rejected": {
      const sentence = strings.rejection(failure.code);
      // the server writes its reasons in English only, whatever the tab's language: shown as they
      // are (marked lang="en" so a screen reader reads them as English) after the translated
      // sentence, which says what kind of problem it is; skipped when they would repeat it
      if (failure.message === "" || failure.message === sentence) return sentence;
      return (
        <>
          {sentence}{" "}
          <span data-testid="rejection-reason">{interpolateNodes(strings.template("rejection.reason"), { reason: <span lang="en">{failure.message}</span> })}</span>
        </>
      );
    }
    case "disconnected":
      return strings.t("error.disconnected");
    case "unexpected":
      return strings.t("error.unexpected");
  }
}
