import "../../i18n/facilitationControlsMessages.ts";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { own } from "../../../domain/meeting/decision.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { APP_ROLES } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";

const useStyles = makeStyles({
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  choices: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Props of {@link VolunteerPanel}. */
export interface VolunteerPanelProps {
  state: MeetingState;
  viewerId: string;
  commands: Commands;
}

/**
 * The roles the viewer volunteers for, each a toggle button (pressed, ticked and filled when
 * volunteered); the rotation hands roles on among volunteers at each item.
 */
export function VolunteerPanel({ state, viewerId, commands }: VolunteerPanelProps) {
  const styles = useStyles();
  const strings = useStrings();
  const mine = own(state.roles.optIns, viewerId) ?? [];
  const isBusy = commands.isInFlight("roles.optIn") || commands.isInFlight("roles.optOut");
  return (
    <>
      <p className={styles.hint}>{strings.t("facilitation.volunteerHint")}</p>
      <div className={styles.choices} role="group" aria-label={strings.t("facilitation.volunteer")}>
        {APP_ROLES.filter((role) => state.charter.rolesInUse.includes(role)).map((role) => {
          const isVolunteered = mine.includes(role);
          return (
            <Button
              key={role}
              size="small"
              appearance={isVolunteered ? "primary" : "secondary"}
              aria-pressed={isVolunteered}
              data-testid={`volunteer-${role}`}
              disabled={isBusy}
              onClick={() => void commands.send({ type: isVolunteered ? "roles.optOut" : "roles.optIn", payload: { roles: [role] } })}
            >
              {isVolunteered ? <span aria-hidden="true">✓&nbsp;</span> : null}
              {strings.t(`facilitation.role.${role}`)}
            </Button>
          );
        })}
      </div>
    </>
  );
}
