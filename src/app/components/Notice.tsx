import type { ReactNode } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DiamondDismissFilled, DismissRegular, WarningFilled } from "@fluentui/react-icons";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    gridTemplateAreas: '"icon body action" "spacer spacer spacer"',
    alignItems: "start",
    boxSizing: "border-box",
    minHeight: "36px",
    paddingTop: tokens.spacingVerticalMNudge,
    paddingLeft: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
  },
  error: { backgroundColor: tokens.colorStatusDangerBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}` },
  warning: { backgroundColor: tokens.colorStatusWarningBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}` },
  icon: { gridArea: "icon", display: "flex", alignItems: "center", marginRight: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase500 },
  errorIcon: { color: tokens.colorStatusDangerForeground1 },
  warningIcon: { color: tokens.colorStatusWarningForeground3 },
  body: {
    gridArea: "body",
    paddingRight: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  action: { gridArea: "action", paddingRight: tokens.spacingHorizontalM },
  spacer: { gridArea: "spacer", marginBottom: tokens.spacingVerticalS },
});

/** Props of {@link Notice}. */
export interface NoticeProps {
  /** `error` is announced at once (an alert); `warning` politely (a status). */
  intent: "error" | "warning";
  title?: string;
  children: ReactNode;
  /** Shows a dismiss button with this accessible name. */
  dismiss?: { label: string; onDismiss: () => void };
  "data-testid"?: string;
  "data-code"?: string;
}

/**
 * A message about something that went wrong, looking like Fluent UI's multiline MessageBar (icon,
 * bold title, text, dismiss button). Built from plain elements because it must show while the
 * network is down, when a lazily loaded MessageBar could not be downloaded.
 */
export function Notice({ intent, title, children, dismiss, ...data }: NoticeProps) {
  const styles = useStyles();
  const Icon = intent === "error" ? DiamondDismissFilled : WarningFilled;
  return (
    <div role={intent === "error" ? "alert" : "status"} className={mergeClasses(styles.root, styles[intent])} {...data}>
      <span className={mergeClasses(styles.icon, intent === "error" ? styles.errorIcon : styles.warningIcon)} aria-hidden="true">
        <Icon />
      </span>
      <div className={styles.body}>
        {title ? <span className={styles.title}>{title} </span> : null}
        {children}
      </div>
      {dismiss ? (
        <div className={styles.action}>
          <Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label={dismiss.label} onClick={dismiss.onDismiss} />
        </div>
      ) : null}
      <span className={styles.spacer} />
    </div>
  );
}
