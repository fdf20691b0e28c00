import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { Button } from "@fluentui/react-components";
import { agendaItems, firstPendingIndex } from "../../../domain/agenda/selectors.ts";
import { currentPhase } from "../../../domain/facilitation/walk.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { PHASES, type Phase } from "../../../protocol/vocabulary.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { AgendaItemCard, type ItemDrag } from "./AgendaItemCard.tsx";
import { AgendaItemForm } from "./AgendaItemForm.tsx";
import { useAgendaStyles } from "./agendaStyles.ts";
import type { ItemValues } from "./itemDraft.ts";
import { LiveAnnouncement } from "./LiveAnnouncement.tsx";
import { PlannedTime } from "./PlannedTime.tsx";
import { TemplatePicker } from "./TemplatePicker.tsx";
import { CarryOverPanel } from "./CarryOverPanel.tsx";
import { AddIcon } from "./agendaIcons.ts";

/** Props of {@link AgendaBuilder}. */
export interface AgendaBuilderProps {
  state: MeetingState;
  /** Whether the viewer may change the agenda now (see `powersOf`, and not after the meeting). */
  canEdit: boolean;
  commands: Commands;
  /** A token for Concord's API, to look up what an earlier meeting left open. */
  getToken: () => Promise<string>;
}

/**
 * The agenda: planned time against the scheduled length, templates, and the items in order. Editors
 * add, edit, remove and reorder (drag, or the move buttons with an announcement); everyone else
 * reads the same agenda.
 */
export function AgendaBuilder({ state, canEdit, commands, getToken }: AgendaBuilderProps) {
  const shared = useAgendaStyles();
  const strings = useStrings();
  const items = agendaItems(state);
  const lowest = firstPendingIndex(state);
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [isAdding, setIsAdding] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [pendingFocus, setPendingFocus] = useState<{ itemId: string; direction: "up" | "down"; toIndex: number } | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const wasAdding = useRef(false);
  const order = state.agenda.order;

  // Moving an item re-renders the list; once the item is in its new place, put focus back on its
  // move button in the same direction, or the other one at either end, so a keyboard user can keep going.
  useEffect(() => {
    if (!pendingFocus || order.indexOf(pendingFocus.itemId) !== pendingFocus.toIndex) return;
    const { itemId, direction, toIndex } = pendingFocus;
    const canGoOn = direction === "up" ? toIndex > lowest : toIndex < order.length - 1;
    const which = canGoOn ? direction : direction === "up" ? "down" : "up";
    listRef.current?.querySelector<HTMLButtonElement>(`[data-item-id="${CSS.escape(itemId)}"] [data-move="${which}"]`)?.focus();
    setPendingFocus(null);
  }, [pendingFocus, order, lowest]);

  useEffect(() => {
    if (wasAdding.current && !isAdding) addButton.current?.focus();
    wasAdding.current = isAdding;
  }, [isAdding]);

  const move = async (itemId: string, title: string, toIndex: number, direction: "up" | "down" | null) => {
    if (direction) setPendingFocus({ itemId, direction, toIndex });
    const isMoved = await commands.send({ type: "agenda.moveItem", payload: { itemId, toIndex } });
    if (isMoved) setAnnouncement(strings.t("agenda.moved", { title, position: toIndex + 1, count: items.length }));
    else setPendingFocus(null);
  };

  const handleAdd = async ({ title, goal, ownerId, phases }: ItemValues) => {
    const isAdded = await commands.send({ type: "agenda.addItem", payload: { title, goal, ownerId, phases } });
    if (isAdded) setIsAdding(false);
    return isAdded;
  };

  const current = currentPhase(state);
  const lockedFor = (itemId: string): Phase[] => (current?.item.itemId === itemId ? PHASES.slice(0, PHASES.indexOf(current.phase) + 1) : []);

  const dragFor = (itemId: string, index: number, title: string): ItemDrag => {
    const isMovable = canEdit && index >= lowest;
    return {
      isDraggable: isMovable,
      isDragging: dragged === itemId,
      isDropTarget: dragged !== null && dragged !== itemId && dropIndex === index,
      onDragStart: (event: DragEvent<HTMLLIElement>) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", title);
        setDragged(itemId);
      },
      onDragOver: (event: DragEvent<HTMLLIElement>) => {
        if (dragged === null || !isMovable) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        if (dropIndex !== index) setDropIndex(index);
      },
      onDrop: (event: DragEvent<HTMLLIElement>) => {
        event.preventDefault();
        const source = items.find((candidate) => candidate.itemId === dragged);
        setDragged(null);
        setDropIndex(null);
        if (source && source.itemId !== itemId && isMovable) void move(source.itemId, source.title, index, null);
      },
      onDragEnd: () => {
        setDragged(null);
        setDropIndex(null);
      },
    };
  };

  return (
    <div className={shared.panel}>
      <PlannedTime state={state} canEdit={canEdit} commands={commands} />
      {canEdit ? <CarryOverPanel state={state} commands={commands} getToken={getToken} /> : null}
      {canEdit ? <TemplatePicker commands={commands} /> : null}
      <section className={shared.section} aria-labelledby={headingId}>
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className={shared.heading}>
          {strings.t("facilitation.agenda")}
        </h2>
        {canEdit ? (
          items.length > 1 ? <p className={shared.secondary}>{strings.t("agenda.dragHint")}</p> : null
        ) : (
          <p className={shared.secondary}>{strings.t("agenda.readOnly")}</p>
        )}
        {items.length === 0 ? <p className={shared.text}>{strings.t("agenda.empty")}</p> : null}
        <ol ref={listRef} className={shared.list} data-testid="agenda-items">
          {items.map((item, index) => (
            <AgendaItemCard
              key={item.itemId}
              state={state}
              item={item}
              position={index + 1}
              canEdit={canEdit}
              canMoveUp={index > lowest}
              canMoveDown={index < items.length - 1}
              lockedPhases={lockedFor(item.itemId)}
              commands={commands}
              drag={dragFor(item.itemId, index, item.title)}
              onMove={(direction) => void move(item.itemId, item.title, direction === "up" ? index - 1 : index + 1, direction)}
              onRemoved={() => headingRef.current?.focus()}
            />
          ))}
        </ol>
        <LiveAnnouncement message={announcement} data-testid="agenda-announcement" />
        {canEdit ? (
          isAdding ? (
            <AgendaItemForm
              state={state}
              item={null}
              heading={strings.t("agenda.addItem")}
              isBusy={commands.isInFlight("agenda.addItem")}
              onSubmit={handleAdd}
              onCancel={() => setIsAdding(false)}
            />
          ) : (
            <div>
              <Button ref={addButton} icon={<AddIcon />} onClick={() => setIsAdding(true)} data-testid="add-item-button">
                {strings.t("agenda.addItem")}
              </Button>
            </div>
          )
        ) : null}
      </section>
    </div>
  );
}
