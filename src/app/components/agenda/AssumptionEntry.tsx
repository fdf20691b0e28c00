import { useEffect, useRef, useState } from "react";
import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import { assumptionStatus } from "../../../domain/prework/selectors.ts";
import type { Assumption, MeetingState } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { TextBadge } from "../TextBadge.tsx";
import { useAgendaStyles } from "./agendaStyles.ts";
import { AssumptionForm } from "./AssumptionForm.tsx";
import { AssumptionMark } from "./AssumptionMark.tsx";
import type { AssumptionValues } from "./assumptionDraft.ts";
import { DeleteIcon, EditIcon } from "./agendaIcons.ts";

const useStyles = makeStyles({
  top: { display: "flex", alignItems: "start", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  statement: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  evidence: { whiteSpace: "pre-wrap" },
  meta: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  link: { overflowWrap: "anywhere" },
});

/** Props of {@link AssumptionEntry}. */
export interface AssumptionEntryProps {
  state: MeetingState;
  assumption: Assumption;
  /** Whether the viewer wrote it and may still change it (item not finished, meeting not ended). */
  canChange: boolean;
  /** Whether the viewer may record the room's verdict on it now. */
  canMark: boolean;
  commands: Commands;
}

/** One assumption with its evidence, link, confidence, author and the room's verdict; its author may edit or remove it, a facilitator or scribe mark it. */
export function AssumptionEntry({ state, assumption, canChange, canMark, commands }: AssumptionEntryProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const [isEditing, setIsEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const status = assumptionStatus(assumption);

  useEffect(() => {
    if (wasEditing.current && !isEditing) editButton.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  const handleSave = async ({ statement, evidence, dataLink, confidence }: AssumptionValues) => {
    const isSaved = await commands.send({ type: "prework.updateAssumption", payload: { assumptionId: assumption.assumptionId, statement, evidence, dataLink, confidence } });
    if (isSaved) setIsEditing(false);
    return isSaved;
  };

  if (isEditing) {
    return (
      <li data-testid="assumption" data-assumption-id={assumption.assumptionId}>
        <AssumptionForm
          assumption={assumption}
          heading={strings.t("action.edit")}
          isBusy={commands.isInFlight("prework.updateAssumption")}
          onSubmit={handleSave}
          onCancel={() => setIsEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className={shared.card} data-testid="assumption" data-assumption-id={assumption.assumptionId} data-author-id={assumption.authorId} data-status={status}>
      <div className={styles.top}>
        <p className={styles.statement}>{assumption.statement}</p>
        <TextBadge tone={status === "untested" ? "informative" : "brand"} size="medium">
          {strings.t(`status.${status}`)}
        </TextBadge>
      </div>
      {assumption.evidence ? <p className={`${shared.text} ${styles.evidence}`}>{assumption.evidence}</p> : null}
      {assumption.dataLink ? (
        <Link className={styles.link} href={assumption.dataLink} target="_blank" rel="noopener noreferrer">
          {assumption.dataLink}
        </Link>
      ) : null}
      <div className={styles.meta}>
        <span className={shared.secondary}>{strings.t("prework.by", { name: participantName(state, assumption.authorId, strings.t("participant.unknown")) })}</span>
        <span className={shared.secondary}>·</span>
        <span className={shared.secondary}>{strings.t("prework.confidenceIs", { level: strings.t(`confidence.${assumption.confidence}`) })}</span>
        {canChange ? (
          <>
            <Button ref={editButton} size="small" appearance="subtle" icon={<EditIcon />} onClick={() => setIsEditing(true)} data-testid="assumption-edit">
              {strings.t("action.edit")}
            </Button>
            <Button
              size="small"
              appearance="subtle"
              icon={<DeleteIcon />}
              disabledFocusable={commands.isInFlight("prework.removeAssumption")}
              onClick={() => void commands.send({ type: "prework.removeAssumption", payload: { assumptionId: assumption.assumptionId } })}
              data-testid="assumption-remove"
            >
              {strings.t("action.remove")}
            </Button>
          </>
        ) : null}
      </div>
      <AssumptionMark state={state} assumption={assumption} canMark={canMark} commands={commands} />
    </li>
  );
}
