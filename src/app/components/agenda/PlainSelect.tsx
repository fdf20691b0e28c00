import type { ReactNode, SelectHTMLAttributes } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDownIcon } from "./agendaIcons.ts";

/** One colour on all four sides of a border (griffel's `shorthands` would split the side panel's chunks). */
const borderColors = (color: string) => ({ borderTopColor: color, borderRightColor: color, borderBottomColor: color, borderLeftColor: color });

// Fluent UI's medium outline Select, rebuilt on a native <select>: Fluent's own imports its chevron
// from an icon module the side panel also uses, which would add the chevron to the side panel's download.
const useStyles = makeStyles({
  root: {
    position: "relative",
    display: "flex",
    alignItems: "center",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
    // the brand underline that grows in while the list has focus
    "::after": {
      content: '""',
      position: "absolute",
      left: 0,
      right: 0,
      bottom: 0,
      height: tokens.borderRadiusMedium,
      boxSizing: "border-box",
      borderRadius: `0 0 ${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium}`,
      backgroundImage: `linear-gradient(0deg, ${tokens.colorCompoundBrandStroke} 0%, ${tokens.colorCompoundBrandStroke} 50%, transparent 50%, transparent 100%)`,
      transform: "scaleX(0)",
      transitionProperty: "transform",
      transitionDuration: tokens.durationUltraFast,
    },
    ":focus-within::after": { transform: "scaleX(1)", transitionDuration: tokens.durationNormal },
  },
  select: {
    appearance: "none",
    flexGrow: 1,
    maxWidth: "100%",
    height: "32px",
    boxSizing: "border-box",
    padding: `0 calc(${tokens.spacingHorizontalMNudge} + 20px + ${tokens.spacingHorizontalXS}) 0 calc(${tokens.spacingHorizontalMNudge} + ${tokens.spacingHorizontalXXS})`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { borderTopColor: tokens.colorNeutralStroke1Hover, borderRightColor: tokens.colorNeutralStroke1Hover, borderLeftColor: tokens.colorNeutralStroke1Hover },
    ":focus": { outline: "2px solid transparent" },
    ":disabled": { cursor: "not-allowed", color: tokens.colorNeutralForegroundDisabled, ...borderColors(tokens.colorNeutralStrokeDisabled) },
    '[aria-invalid="true"]': { ...borderColors(tokens.colorPaletteRedBorder2) },
  },
  icon: {
    position: "absolute",
    right: tokens.spacingHorizontalMNudge,
    width: "20px",
    height: "20px",
    fontSize: "20px",
    pointerEvents: "none",
    color: tokens.colorNeutralStrokeAccessible,
    "& svg": { display: "block" },
  },
});

/** Props of {@link PlainSelect}: a native select's, with the chosen value handed to `onValueChange`. */
export interface PlainSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value"> {
  value: string;
  onValueChange: (value: string) => void;
  children: ReactNode;
  "data-testid"?: string;
}

/**
 * A drop-down list that looks like Fluent UI's outline Select. Put it in a Fluent `Field` as a
 * render function (`{(props) => <PlainSelect {...props} … />}`) so the label and messages reach it.
 */
export function PlainSelect({ value, onValueChange, children, className, ...rest }: PlainSelectProps) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.root, className)}>
      <select {...rest} className={styles.select} value={value} onChange={(event) => onValueChange(event.target.value)}>
        {children}
      </select>
      <span className={styles.icon} aria-hidden>
        <ChevronDownIcon />
      </span>
    </span>
  );
}
