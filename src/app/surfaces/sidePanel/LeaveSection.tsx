import { Button } from "@fluentui/react-components";
import { ArrowExitRegular } from "@fluentui/react-icons";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

/** Props of {@link LeaveSection}. */
export interface LeaveSectionProps {
  commands: Commands;
}

/** Leaving Concord's meeting, with what it does (lowers the hand, ends a turn). */
export function LeaveSection({ commands }: LeaveSectionProps) {
  const shared = useSidePanelStyles();
  const strings = useStrings();
  return (
    <footer className={shared.section}>
      <Button
        appearance="subtle"
        icon={<ArrowExitRegular />}
        className={shared.fullWidth}
        data-testid="leave-button"
        disabled={commands.isInFlight("meeting.leave")}
        onClick={() => void commands.send({ type: "meeting.leave", payload: {} })}
      >
        {strings.t("leave.button")}
      </Button>
      <p className={shared.secondary}>{strings.t("leave.explanation")}</p>
    </footer>
  );
}
