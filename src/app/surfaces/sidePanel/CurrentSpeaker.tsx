import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { MicRegular } from "@fluentui/react-icons";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { ElapsedTime } from "../../components/ElapsedTime.tsx";
import { InitialsAvatar } from "../../components/InitialsAvatar.tsx";
import { participantName } from "../../components/participantName.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { interpolateNodes } from "../../i18n/interpolateNodes.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { useSidePanelStyles } from "./sidePanelStyles.ts";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow2,
  },
  who: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, minWidth: 0 },
  names: { display: "flex", flexDirection: "column", minWidth: 0 },
  name: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  elapsed: { fontVariantNumeric: "tabular-nums" },
  open: { margin: 0, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  icon: { fontSize: "20px" },
});

/** Props of {@link CurrentSpeaker}. */
export interface CurrentSpeakerProps {
  state: MeetingState;
  viewerId: string;
  serverOffsetMs: number;
  commands: Commands;
}

/** Who has the floor and for how long; the speaker can yield from here. */
export function CurrentSpeaker({ state, viewerId, serverOffsetMs, commands }: CurrentSpeakerProps) {
  const styles = useStyles();
  const shared = useSidePanelStyles();
  const strings = useStrings();
  const floor = state.floor;
  const name = floor ? participantName(state, floor.userId, strings.t("participant.unknown")) : null;
  return (
    <section className={shared.section} aria-labelledby="current-speaker-heading">
      <h2 id="current-speaker-heading" className={shared.heading}>
        {strings.t("speaker.heading")}
      </h2>
      <div className={styles.card} data-testid="current-speaker" data-speaker={floor?.userId ?? ""}>
        {floor && name !== null ? (
          <>
            <div className={styles.who}>
              <InitialsAvatar name={name} size={40} />
              <div className={styles.names}>
                <span className={styles.name}>{name}</span>
                <span className={shared.secondary}>
                  {interpolateNodes(strings.template("speaker.speakingFor"), {
                    time: <ElapsedTime className={styles.elapsed} since={floor.since} serverOffsetMs={serverOffsetMs} />,
                  })}
                </span>
              </div>
            </div>
            {floor.userId === viewerId ? (
              <Button
                appearance="primary"
                className={shared.fullWidth}
                data-testid="yield-button"
                disabled={commands.isInFlight("floor.yield")}
                onClick={() => void commands.send({ type: "floor.yield", payload: {} })}
              >
                {strings.t("speaker.yield")}
              </Button>
            ) : null}
          </>
        ) : (
          <p className={styles.open}>
            <MicRegular className={styles.icon} aria-hidden="true" />
            {strings.t("speaker.nobody")}
          </p>
        )}
      </div>
    </section>
  );
}
