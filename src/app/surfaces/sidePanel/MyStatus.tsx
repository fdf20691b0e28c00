import { useRef, useState } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { HandRightRegular } from "@fluentui/react-icons";
import type { QueueEntry } from "../../../domain/meeting/state.ts";
import { Limits } from "../../../protocol/limits.ts";
import { TextField } from "../../components/TextField.tsx";
import type { Commands } from "../../hooks/useCommands.ts";
import { useRestoreLostFocus } from "../../hooks/useRestoreLostFocus.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

const useStyles = makeStyles({
  place: {
    margin: 0,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  icon: { fontSize: "20px", flexShrink: 0 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  topic: { margin: 0, overflowWrap: "anywhere" },
});

/** Props of {@link MyStatus}. */
export interface MyStatusProps {
  /** 1-based place from the domain's `placeInQueue`, or null. */
  place: number | null;
  myEntry: QueueEntry | undefined;
  isSpeaking: boolean;
  commands: Commands;
}

/**
 * The viewer's own line: where they stand (a polite live region, so a screen reader hears the place
 * change as others are given the floor), and raising or lowering their hand.
 */
export function MyStatus({ place, myEntry, isSpeaking, commands }: MyStatusProps) {
  const styles = useStyles();
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const [topic, setTopic] = useState("");
  const isRaising = commands.isInFlight("queue.raiseHand");
  const primaryControl = useRef<HTMLButtonElement>(null);
  useRestoreLostFocus(primaryControl, [myEntry?.entryId]);

  const status = isSpeaking
    ? strings.t("me.speaking")
    : place !== null
      ? strings.t("me.inLine", { place: strings.ordinal(place) })
      : strings.t("me.notRaised");

  const handleRaise = async () => {
    const trimmed = topic.trim();
    const isRaised = await commands.send({ type: "queue.raiseHand", payload: trimmed ? { topic: trimmed } : {} });
    if (isRaised) setTopic("");
  };

  return (
    <section className={shared.section} aria-labelledby="my-status-heading">
      <h2 id="my-status-heading" className={shared.heading}>
        {strings.t("me.heading")}
      </h2>
      <p className={styles.place} role="status" data-testid="my-place" data-place={place ?? ""}>
        {place !== null ? <HandRightRegular className={styles.icon} aria-hidden="true" /> : null}
        {status}
      </p>
      {myEntry ? (
        <>
          {myEntry.topic ? <p className={mergeClasses(shared.secondary, styles.topic)}>{strings.t("me.yourTopic", { topic: myEntry.topic })}</p> : null}
          <Button
            ref={primaryControl}
            className={shared.fullWidth}
            data-testid="lower-hand-button"
            disabled={commands.isInFlight("queue.lowerHand")}
            onClick={() => void commands.send({ type: "queue.lowerHand", payload: { entryId: myEntry.entryId } })}
          >
            {strings.t("lower.button")}
          </Button>
        </>
      ) : (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            if (!isRaising) void handleRaise();
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
          <Button
            ref={primaryControl}
            type="submit"
            appearance="primary"
            icon={<HandRightRegular />}
            className={shared.fullWidth}
            data-testid="raise-hand-button"
            disabled={isRaising}
          >
            {strings.t("raise.button")}
          </Button>
        </form>
      )}
    </section>
  );
}

