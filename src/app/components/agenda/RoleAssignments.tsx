import { useId } from "react";
import { Field, makeStyles, tokens } from "@fluentui/react-components";
import { agendaItems } from "../../../domain/agenda/selectors.ts";
import { rolesForItem } from "../../../domain/roles/holders.ts";
import type { AgendaItem, MeetingState } from "../../../domain/meeting/state.ts";
import type { AppRole } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { PlainSelect } from "./PlainSelect.tsx";

const useStyles = makeStyles({
  roles: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))", gap: tokens.spacingHorizontalM, margin: 0 },
  holder: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
});

/** Props of {@link RoleAssignments}. */
export interface RoleAssignmentsProps {
  state: MeetingState;
  /** Whether the viewer may override who holds each role (the organizer, before the meeting ends). */
  canAssign: boolean;
  commands: Commands;
}

/** Who holds each role in use on each agenda item; the organizer overrides any of them, on items not yet finished. */
export function RoleAssignments({ state, canAssign, commands }: RoleAssignmentsProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const headingId = useId();
  const items = agendaItems(state);
  const roles = state.charter.rolesInUse;
  const people = Object.values(state.participants).sort((a, b) => a.displayName.localeCompare(b.displayName, strings.locale));
  const nobody = strings.t("roles.nobody");

  const holderOf = (item: AgendaItem, role: AppRole) => {
    const holder = rolesForItem(state, item.itemId)[role];
    if (canAssign && item.status !== "done") {
      return (
        <Field label={strings.t(`facilitation.role.${role}`)}>
          {(props) => (
            <PlainSelect
              {...props}
              value={holder ?? ""}
              onValueChange={(userId) => void commands.send({ type: "roles.assign", payload: { itemId: item.itemId, role, userId: userId === "" ? null : userId } })}
              data-testid={`role-assign-${role}`}
            >
              <option value="">{nobody}</option>
              {people.map((person) => (
                <option key={person.userId} value={person.userId}>
                  {person.displayName}
                </option>
              ))}
            </PlainSelect>
          )}
        </Field>
      );
    }
    return (
      <>
        <dt className={styles.term}>{strings.t(`facilitation.role.${role}`)}</dt>
        <dd className={shared.text} data-testid={`role-holder-${role}`}>
          {holder === undefined ? nobody : participantName(state, holder, strings.t("participant.unknown"))}
        </dd>
      </>
    );
  };

  if (roles.length === 0) return null;
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="role-assignments">
      <h2 id={headingId} className={shared.heading}>
        {strings.t("roles.title")}
      </h2>
      {items.length === 0 ? <p className={shared.secondary}>{strings.t("agenda.empty")}</p> : null}
      {items.map((item) => {
        const isEditable = canAssign && item.status !== "done";
        const Holders = isEditable ? "div" : "dl";
        return (
          <div key={item.itemId} className={shared.section} role="group" aria-labelledby={`${headingId}-${item.itemId}`} data-testid="role-item" data-item-id={item.itemId}>
            <h3 id={`${headingId}-${item.itemId}`} className={shared.subheading}>
              {item.title}
            </h3>
            <Holders className={styles.roles}>
              {roles.map((role) => (
                <div key={role} className={styles.holder}>
                  {holderOf(item, role)}
                </div>
              ))}
            </Holders>
          </div>
        );
      })}
    </section>
  );
}
