import { useId } from "react";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { CharterForm } from "./CharterForm.tsx";
import { CharterView } from "./CharterView.tsx";
import { RoleAssignments } from "./RoleAssignments.tsx";
import { RolePreferences } from "./RolePreferences.tsx";

/** Props of {@link CharterPanel}. */
export interface CharterPanelProps {
  state: MeetingState;
  viewerId: string;
  /** Whether the viewer may change the charter now (the organizer, before the meeting ends). */
  canEdit: boolean;
  /** Whether the viewer has joined, and so may volunteer for roles. */
  isJoined: boolean;
  /** Whether the viewer may override who holds each role per item (the organizer, before the meeting ends). */
  canAssignRoles: boolean;
  commands: Commands;
}

/** The meeting's charter (the organizer edits it, everyone reads it), each person's role volunteering, and who holds each role per item. */
export function CharterPanel({ state, viewerId, canEdit, isJoined, canAssignRoles, commands }: CharterPanelProps) {
  const shared = useAgendaStyles();
  const strings = useStrings();
  const headingId = useId();
  return (
    <div className={shared.panel}>
      <section className={shared.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={shared.heading}>
          {strings.t("tab.charter")}
        </h2>
        {canEdit ? (
          <CharterForm state={state} commands={commands} />
        ) : (
          <>
            <p className={shared.secondary}>{strings.t("charter.readOnly")}</p>
            <CharterView state={state} />
          </>
        )}
      </section>
      {isJoined ? <RolePreferences state={state} viewerId={viewerId} commands={commands} /> : null}
      <RoleAssignments state={state} canAssign={canAssignRoles} commands={commands} />
    </div>
  );
}
