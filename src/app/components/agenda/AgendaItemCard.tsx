import { useEffect, useRef, useState, type DragEvent } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { itemPlannedMinutes } from "../../../domain/agenda/selectors.ts";
import type { AgendaItem, MeetingState } from "../../../domain/meeting/state.ts";
import type { Phase } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { TextBadge } from "../TextBadge.tsx";
import { AgendaItemForm } from "./AgendaItemForm.tsx";
import { useAgendaStyles } from "./agendaStyles.ts";
import { formatMinutes } from "./formatDuration.ts";
import type { ItemValues } from "./itemDraft.ts";
import { ArrowDownIcon, ArrowUpIcon, DeleteIcon, EditIcon, GripIcon } from "./agendaIcons.ts";

const useStyles = makeStyles({
  item: { position: "relative" },
  dropTarget: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, outlineOffset: "2px" },
  dragging: { opacity: 0.5 },
  header: { display: "flex", flexWrap: "wrap", alignItems: "start", gap: tokens.spacingHorizontalS },
  grip: { flexShrink: 0, marginTop: "2px", fontSize: "20px", color: tokens.colorNeutralForeground3, cursor: "grab" },
  number: { flexShrink: 0, minWidth: "24px", fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
  titleBlock: { flex: "1 1 240px", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  titleLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  total: { flexShrink: 0, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  tools: { display: "flex", flexShrink: 0, alignItems: "center", gap: tokens.spacingHorizontalXS },
  phases: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginLeft: "56px" },
  phase: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  confirm: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginLeft: "56px",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorStatusDangerBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
  },
});

/** How the builder lets an item be dragged and dropped. */
export interface ItemDrag {
  isDraggable: boolean;
  isDragging: boolean;
  isDropTarget: boolean;
  onDragStart: (event: DragEvent<HTMLLIElement>) => void;
  onDragOver: (event: DragEvent<HTMLLIElement>) => void;
  onDrop: (event: DragEvent<HTMLLIElement>) => void;
  onDragEnd: () => void;
}

/** Props of {@link AgendaItemCard}. */
export interface AgendaItemCardProps {
  state: MeetingState;
  item: AgendaItem;
  position: number;
  canEdit: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Phases that can no longer change because the room has walked them. */
  lockedPhases: readonly Phase[];
  commands: Commands;
  drag: ItemDrag;
  onMove: (direction: "up" | "down") => void;
  onRemoved: () => void;
}

/**
 * One agenda item: title, status, goal, owner and phases with their timeboxes. Editors also get
 * move up and down (the keyboard way to reorder), edit in place, and remove after a confirmation.
 */
export function AgendaItemCard({ state, item, position, canEdit, canMoveUp, canMoveDown, lockedPhases, commands, drag, onMove, onRemoved }: AgendaItemCardProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const [mode, setMode] = useState<"view" | "edit" | "confirmRemove">("view");
  const editButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const previousMode = useRef(mode);

  useEffect(() => {
    // return focus to the button that opened what just closed
    if (mode === "confirmRemove") confirmButton.current?.focus();
    else if (mode === "view" && previousMode.current === "edit") editButton.current?.focus();
    else if (mode === "view" && previousMode.current === "confirmRemove") removeButton.current?.focus();
    previousMode.current = mode;
  }, [mode]);

  const isPending = item.status === "pending";
  const canChange = canEdit && item.status !== "done";
  const title = item.title;
  const isMoving = commands.isInFlight("agenda.moveItem");

  const handleSave = async ({ title: newTitle, goal, ownerId, phases }: ItemValues) => {
    const isSaved = await commands.send({ type: "agenda.updateItem", payload: { itemId: item.itemId, title: newTitle, goal, ownerId, phases } });
    if (isSaved) setMode("view");
    return isSaved;
  };
  const handleRemove = async () => {
    if (await commands.send({ type: "agenda.removeItem", payload: { itemId: item.itemId } })) onRemoved();
  };

  return (
    <li
      className={mergeClasses(shared.card, styles.item, drag.isDropTarget && styles.dropTarget, drag.isDragging && styles.dragging)}
      data-testid="agenda-item"
      data-item-id={item.itemId}
      data-title={item.title}
      data-status={item.status}
      draggable={drag.isDraggable && mode === "view"}
      onDragStart={drag.onDragStart}
      onDragOver={drag.onDragOver}
      onDrop={drag.onDrop}
      onDragEnd={drag.onDragEnd}
    >
      <div className={styles.header}>
        {drag.isDraggable ? <GripIcon className={styles.grip} aria-hidden /> : <span className={styles.grip} aria-hidden />}
        <span className={styles.number} aria-hidden>
          {position}.
        </span>
        <div className={styles.titleBlock}>
          <div className={styles.titleLine}>
            <h3 className={styles.title} data-testid="agenda-item-title">
              {title}
            </h3>
            {item.status === "active" ? (
              <TextBadge tone="brand" size="medium">
                {strings.t("facilitation.status.now")}
              </TextBadge>
            ) : item.status === "done" ? (
              <TextBadge tone="informative" size="medium">
                {strings.t("facilitation.status.done")}
              </TextBadge>
            ) : null}
          </div>
          {item.carriedFrom ? (
            <p className={shared.secondary} data-testid="agenda-item-carried" data-reason={item.carriedFrom.reason}>
              {strings.t(`carryOver.badge.${item.carriedFrom.reason}`, {
                date: new Intl.DateTimeFormat(strings.locale, { dateStyle: "medium" }).format(item.carriedFrom.endedAt),
              })}
            </p>
          ) : null}
          {item.goal ? <p className={shared.text}>{item.goal}</p> : null}
          {item.ownerId ? <p className={shared.secondary}>{strings.t("agenda.owner", { name: participantName(state, item.ownerId, strings.t("participant.unknown")) })}</p> : null}
        </div>
        <span className={styles.total} data-testid="agenda-item-total" data-minutes={itemPlannedMinutes(item)}>
          {formatMinutes(itemPlannedMinutes(item), strings.locale)}
        </span>
        {canEdit && mode === "view" ? (
          <div className={styles.tools}>
            {isPending ? (
              <>
                <Button
                  appearance="subtle"
                  icon={<ArrowUpIcon />}
                  aria-label={strings.t("agenda.moveUp", { title })}
                  title={strings.t("agenda.moveUp", { title })}
                  disabled={!canMoveUp}
                  disabledFocusable={isMoving}
                  data-move="up"
                  data-testid="item-move-up"
                  onClick={() => onMove("up")}
                />
                <Button
                  appearance="subtle"
                  icon={<ArrowDownIcon />}
                  aria-label={strings.t("agenda.moveDown", { title })}
                  title={strings.t("agenda.moveDown", { title })}
                  disabled={!canMoveDown}
                  disabledFocusable={isMoving}
                  data-move="down"
                  data-testid="item-move-down"
                  onClick={() => onMove("down")}
                />
              </>
            ) : null}
            {canChange ? (
              <Button ref={editButton} appearance="subtle" icon={<EditIcon />} onClick={() => setMode("edit")} data-testid="item-edit">
                {strings.t("action.edit")}
              </Button>
            ) : null}
            {isPending ? (
              <Button ref={removeButton} appearance="subtle" icon={<DeleteIcon />} onClick={() => setMode("confirmRemove")} data-testid="item-remove">
                {strings.t("action.remove")}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {mode === "edit" ? (
        <AgendaItemForm
          state={state}
          item={item}
          heading={strings.t("action.edit")}
          lockedPhases={lockedPhases}
          isBusy={commands.isInFlight("agenda.updateItem")}
          onSubmit={handleSave}
          onCancel={() => setMode("view")}
        />
      ) : (
        <ul className={styles.phases} aria-label={strings.t("item.phases")}>
          {item.phases.map((plan) => (
            <li key={plan.phase} className={styles.phase} data-testid="agenda-item-phase" data-phase={plan.phase} data-minutes={plan.minutes}>
              {strings.t(`facilitation.phase.${plan.phase}`)} · {formatMinutes(plan.minutes, strings.locale)}
            </li>
          ))}
        </ul>
      )}
      {mode === "confirmRemove" ? (
        <div className={styles.confirm} role="group" aria-label={strings.t("agenda.confirmRemove", { title })}>
          <span className={shared.text}>{strings.t("agenda.confirmRemove", { title })}</span>
          <Button ref={confirmButton} appearance="primary" disabledFocusable={commands.isInFlight("agenda.removeItem")} onClick={() => void handleRemove()} data-testid="item-remove-confirm">
            {strings.t("action.remove")}
          </Button>
          <Button onClick={() => setMode("view")}>{strings.t("facilitation.cancel")}</Button>
        </div>
      ) : null}
    </li>
  );
}
