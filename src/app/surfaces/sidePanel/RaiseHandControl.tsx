import { Suspense, useRef, useState } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { HandRightRegular } from "@fluentui/react-icons";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { entryOfKind } from "../../../domain/queue/order.ts";
import { Limits } from "../../../protocol/limits.ts";
import type { EntryKind } from "../../../protocol/vocabulary.ts";
import { LazyKindChooser } from "../../components/queue/lazyQueue.ts";
import { TextField } from "../../components/TextField.tsx";
import type { Commands } from "../../hooks/useCommands.ts";
import { useRestoreLostFocus } from "../../hooks/useRestoreLostFocus.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  kinds: { paddingTop: 0, borderTop: "none" },
});

/** Props of {@link RaiseHandControl}. */
export interface RaiseHandControlProps {
  state: MeetingState;
  viewerId: string;
  commands: Commands;
}

/**
 * Raising a hand: an optional topic, then "Raise hand" for a new point in one click; the urgent
 * kinds (point of order, clarifying question, reply) are one click away in a native disclosure
 * right under it (its list, KindChooser, downloads once the panel has drawn). A closed queue takes
 * only points of order.
 */
export function RaiseHandControl({ state, viewerId, commands }: RaiseHandControlProps) {
  const styles = useStyles();
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const [topic, setTopic] = useState("");
  const [isChoosing, setIsChoosing] = useState(false);
  const primary = useRef<HTMLButtonElement>(null);
  const isClosed = state.queueSettings.isClosed;
  const canRaiseNewPoint = !isClosed && !entryOfKind(state, viewerId, "newPoint");
  const isRaising = commands.isInFlight("queue.raiseHand");
  // raising or withdrawing the new point replaces the button just pressed: keep a keyboard user here
  useRestoreLostFocus(primary, [canRaiseNewPoint]);

  const handleRaise = async (kind: EntryKind) => {
    const trimmed = topic.trim();
    if (await commands.send({ type: "queue.raiseHand", payload: { kind, ...(trimmed ? { topic: trimmed } : {}) } })) setTopic("");
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (canRaiseNewPoint && !isRaising) void handleRaise("newPoint");
      }}
    >
      <TextField
        label={strings.t("raise.topicLabel")}
        hint={strings.plural("raise.topicRemaining", Limits.maxTopicLength - topic.length)}
        data-testid="topic-input"
        value={topic}
        maxLength={Limits.maxTopicLength}
        placeholder={strings.t("raise.topicPlaceholder")}
        disabled={isRaising}
        onChange={(value) => setTopic(value.slice(0, Limits.maxTopicLength))}
      />
      {isClosed ? <p className={shared.secondary}>{strings.t("queue.closed")}</p> : null}
      {canRaiseNewPoint ? (
        <Button ref={primary} type="submit" appearance="primary" icon={<HandRightRegular />} className={shared.fullWidth} data-testid="raise-hand-button" disabled={isRaising}>
          {strings.t("raise.button")}
        </Button>
      ) : null}
      <details className={mergeClasses(shared.details, styles.kinds)} data-testid="other-kinds" onToggle={(event) => setIsChoosing(event.currentTarget.open)}>
        <summary className={shared.summary} data-testid="other-kinds-button">
          {strings.t("raise.otherKinds")}
        </summary>
        {isChoosing ? (
          <Suspense fallback={null}>
            <LazyKindChooser state={state} viewerId={viewerId} isRaising={isRaising} onRaise={(kind) => void handleRaise(kind)} />
          </Suspense>
        ) : null}
      </details>
    </form>
  );
}
