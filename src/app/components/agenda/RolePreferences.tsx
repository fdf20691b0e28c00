import { useId } from "react";
import { Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { AppRole } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { useAgendaStyles } from "./agendaStyles.ts";

const useStyles = makeStyles({
  roles: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", gap: tokens.spacingHorizontalM },
  role: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  volunteers: { marginLeft: "32px" },
});

/** Props of {@link RolePreferences}. */
export interface RolePreferencesProps {
  state: MeetingState;
  viewerId: string;
  commands: Commands;
}

/**
 * Each participant volunteers for the roles in use (rotation hands roles only to volunteers), and
 * sees who else has: a role nobody volunteers for is visible before the meeting, not during it.
 */
export function RolePreferences({ state, viewerId, commands }: RolePreferencesProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const headingId = useId();
  const mine = Object.hasOwn(state.roles.optIns, viewerId) ? (state.roles.optIns[viewerId] ?? []) : [];
  const isBusy = commands.isInFlight("roles.optIn") || commands.isInFlight("roles.optOut");
  const list = new Intl.ListFormat(strings.locale, { style: "long", type: "conjunction" });
  const volunteersFor = (role: AppRole) =>
    Object.entries(state.roles.optIns)
      .filter(([, roles]) => roles.includes(role))
      .map(([userId]) => participantName(state, userId, strings.t("participant.unknown")))
      .sort((a, b) => a.localeCompare(b, strings.locale));

  // not `disabled` while a change is on its way: that would throw keyboard focus off the box
  const handleChange = (role: AppRole, isOn: boolean) => {
    if (isBusy) return;
    void commands.send(isOn ? { type: "roles.optIn", payload: { roles: [role] } } : { type: "roles.optOut", payload: { roles: [role] } });
  };

  return (
    <section className={shared.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.heading}>
        {strings.t("facilitation.volunteer")}
      </h2>
      <p className={shared.secondary}>{strings.t("facilitation.volunteerHint")}</p>
      <div className={styles.roles}>
        {state.charter.rolesInUse.map((role) => {
          const volunteers = volunteersFor(role);
          return (
            <div key={role} className={styles.role}>
              <Checkbox
                label={strings.t(`facilitation.role.${role}`)}
                checked={mine.includes(role)}
                aria-disabled={isBusy}
                onChange={(_, data) => handleChange(role, data.checked === true)}
                data-testid={`opt-in-${role}`}
              />
              <span className={`${shared.secondary} ${styles.volunteers}`} data-testid={`volunteers-${role}`}>
                {volunteers.length === 0 ? strings.t("charter.noVolunteers") : strings.t("charter.volunteers", { names: list.format(volunteers) })}
              </span>
            </div>
          );
        })}
      </div>
    </section>
  );
}
