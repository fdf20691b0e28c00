import "../../i18n/facilitationControlsMessages.ts";
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { parkingLotEntries } from "../../../domain/facilitation/parkingLot.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { Limits } from "../../../protocol/limits.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { TextField } from "../TextField.tsx";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  entry: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { overflowWrap: "anywhere" },
  secondary: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** Props of {@link ParkingLotPanel}. */
export interface ParkingLotPanelProps {
  state: MeetingState;
  /** Whether the viewer has joined: only participants park points. */
  canAdd: boolean;
  commands: Commands;
}

/** Off-topic points parked for later, in the order parked, and parking one (against the item under way). */
export function ParkingLotPanel({ state, canAdd, commands }: ParkingLotPanelProps) {
  const styles = useStyles();
  const strings = useStrings();
  const [text, setText] = useState("");
  const entries = parkingLotEntries(state);
  const isAdding = commands.isInFlight("parkingLot.add");
  const trimmed = text.trim();

  const handleAdd = async () => {
    const itemId = state.facilitation.current?.itemId;
    const isAdded = await commands.send({ type: "parkingLot.add", payload: itemId === undefined ? { text: trimmed } : { text: trimmed, itemId } });
    if (isAdded) setText("");
  };

  return (
    <>
      {canAdd ? (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            if (trimmed && !isAdding) void handleAdd();
          }}
        >
          <TextField
            label={strings.t("facilitation.parkingLotLabel")}
            hint={strings.plural("raise.topicRemaining", Limits.maxParkingLotTextLength - text.length)}
            value={text}
            maxLength={Limits.maxParkingLotTextLength}
            disabled={isAdding}
            data-testid="parking-lot-input"
            onChange={(value) => setText(value.slice(0, Limits.maxParkingLotTextLength))}
          />
          <Button type="submit" data-testid="parking-lot-add-button" disabled={!trimmed || isAdding}>
            {strings.t("facilitation.parkingLotAdd")}
          </Button>
        </form>
      ) : null}
      {entries.length === 0 ? (
        <p className={styles.secondary}>{strings.t("facilitation.parkingLotEmpty")}</p>
      ) : (
        <ul className={styles.list} data-testid="parking-lot-list">
          {entries.map((entry) => (
            <li key={entry.entryId} className={styles.entry} data-testid="parking-lot-entry" data-entry-id={entry.entryId}>
              <span className={styles.text}>{entry.text}</span>
              <span className={styles.secondary}>{strings.t("facilitation.parkedBy", { name: participantName(state, entry.authorId, strings.t("participant.unknown")) })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
