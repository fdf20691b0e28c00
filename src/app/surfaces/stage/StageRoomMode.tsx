import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CommentMultipleRegular, GavelRegular } from "@fluentui/react-icons";
import type { ItemMode } from "../../../protocol/vocabulary.ts";
import { useStrings } from "../../i18n/useStrings.ts";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "center",
    gap: "0.4em",
    padding: "0.3em 0.8em",
    borderRadius: tokens.borderRadiusCircular,
    fontWeight: tokens.fontWeightSemibold,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
  },
  decision: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    // a transparent stroke, not none, so the filled badge keeps an outline in forced colours
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  icon: { flexShrink: 0, fontSize: "1.2em" },
  line: { margin: 0, display: "flex", flexWrap: "wrap", alignItems: "center", gap: "0.3em 0.8em", fontSize: "clamp(16px, 2vw, 28px)", lineHeight: 1.2 },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Props of {@link StageRoomMode}. */
export interface StageRoomModeProps {
  mode: ItemMode;
}

/** Whether the room debates the item or, debate closed, forms a decision: an icon, the word and what it means. */
export function StageRoomMode({ mode }: StageRoomModeProps) {
  const styles = useStyles();
  const strings = useStrings();
  const isDecision = mode === "decision";
  const Icon = isDecision ? GavelRegular : CommentMultipleRegular;
  return (
    <p className={styles.line} data-testid="stage-room-mode" data-mode={mode}>
      <span className={mergeClasses(styles.root, isDecision && styles.decision)}>
        <Icon className={styles.icon} aria-hidden="true" />
        {strings.t(isDecision ? "facilitation.mode.decision" : "facilitation.mode.debating")}
      </span>
      <span className={styles.hint}>{strings.t(isDecision ? "facilitation.modeHint.decision" : "facilitation.modeHint.debating")}</span>
    </p>
  );
}
