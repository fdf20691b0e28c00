import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular, CheckmarkCircleFilled, PlugDisconnectedRegular } from "@fluentui/react-icons";
import { useStrings } from "../i18n/useStrings.ts";
import type { ConnectionStatus } from "../realtime/meetingConnection.ts";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "nowrap",
  },
  open: { color: tokens.colorPaletteGreenForeground1 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  icon: { fontSize: "16px", flexShrink: 0 },
  large: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
});

/** Props of {@link ConnectionStatusBadge}. */
export interface ConnectionStatusBadgeProps {
  status: ConnectionStatus;
  size?: "small" | "large";
}

/** The connection's state in words and an icon (never colour alone), for `data-testid="connection-status"`. */
export function ConnectionStatusBadge({ status, size = "small" }: ConnectionStatusBadgeProps) {
  const styles = useStyles();
  const strings = useStrings();
  const label = strings.t(`connection.${status}`);
  const Icon = status === "open" ? CheckmarkCircleFilled : status === "connecting" || status === "reconnecting" ? ArrowSyncRegular : PlugDisconnectedRegular;
  const isProblem = status === "forbidden" || status === "unsupported" || status === "stopped";
  return (
    <span
      className={mergeClasses(styles.root, status === "open" && styles.open, isProblem && styles.problem, size === "large" && styles.large)}
      data-testid="connection-status"
      data-status={status}
    >
      <Icon className={styles.icon} aria-hidden="true" />
      <span aria-hidden="true">{label}</span>
      <span className="concord-visually-hidden">{strings.t("connection.label", { status: label })}</span>
    </span>
  );
}
