import { useRef } from "react";
import { Button } from "@fluentui/react-components";
import type { Commands } from "../../hooks/useCommands.ts";
import { useRestoreLostFocus } from "../../hooks/useRestoreLostFocus.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

/** Props of {@link JoinPrompt}. */
export interface JoinPromptProps {
  commands: Commands;
}

/** For someone who has not joined yet: one line on what joining does, and the button. */
export function JoinPrompt({ commands }: JoinPromptProps) {
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const joinButton = useRef<HTMLButtonElement>(null);
  useRestoreLostFocus(joinButton, []);
  return (
    <section className={shared.section} aria-labelledby="join-heading">
      <h2 id="join-heading" className={shared.heading}>
        {strings.t("me.heading")}
      </h2>
      <p className={shared.text}>{strings.t("join.explanation")}</p>
      <Button
        ref={joinButton}
        appearance="primary"
        className={shared.fullWidth}
        data-testid="join-button"
        disabled={commands.isInFlight("meeting.join")}
        onClick={() => void commands.send({ type: "meeting.join", payload: {} })}
      >
        {strings.t("join.button")}
      </Button>
    </section>
  );
}
