import { useId } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

/** One colour on all four sides of a border. */
const borderColors = (color: string) => ({ borderTopColor: color, borderRightColor: color, borderBottomColor: color, borderLeftColor: color });

// Fluent UI's outline Input and vertical Field (medium), rebuilt from plain elements: the side panel
// needs one text box, not the general components' slots, sizes and validation states.
const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column" },
  label: {
    alignSelf: "start",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalXXS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  box: {
    display: "flex",
    alignItems: "center",
    position: "relative",
    boxSizing: "border-box",
    minHeight: "32px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    // the brand underline that grows in while the box has focus
    "::after": {
      boxSizing: "border-box",
      content: '""',
      position: "absolute",
      left: "-1px",
      bottom: "-1px",
      right: "-1px",
      height: `max(2px, ${tokens.borderRadiusMedium})`,
      borderBottomLeftRadius: tokens.borderRadiusMedium,
      borderBottomRightRadius: tokens.borderRadiusMedium,
      borderBottom: `2px solid ${tokens.colorCompoundBrandStroke}`,
      clipPath: "inset(calc(100% - 2px) 0 0 0)",
      transform: "scaleX(0)",
      transitionProperty: "transform",
      transitionDuration: tokens.durationUltraFast,
      transitionDelay: tokens.curveAccelerateMid,
    },
    ":hover": { ...borderColors(tokens.colorNeutralStroke1Hover), borderBottomColor: tokens.colorNeutralStrokeAccessibleHover },
    ":active,:focus-within": { ...borderColors(tokens.colorNeutralStroke1Pressed), borderBottomColor: tokens.colorNeutralStrokeAccessiblePressed },
    // forced colours drop the underline's colour: a transparent outline becomes visible there instead
    ":focus-within": { outline: "2px solid transparent" },
    ":focus-within::after": { transform: "scaleX(1)", transitionDuration: tokens.durationNormal, transitionDelay: tokens.curveDecelerateMid },
    ":focus-within:active::after": { borderBottomColor: tokens.colorCompoundBrandStrokePressed },
  },
  disabledBox: {
    cursor: "not-allowed",
    backgroundColor: tokens.colorTransparentBackground,
    ...borderColors(tokens.colorNeutralStrokeDisabled),
    ":hover": { ...borderColors(tokens.colorNeutralStrokeDisabled) },
    "::after": { content: "unset" },
    "@media (forced-colors: active)": { ...borderColors("GrayText") },
  },
  input: {
    alignSelf: "stretch",
    boxSizing: "border-box",
    flexGrow: 1,
    minWidth: 0,
    border: "none",
    padding: `0 ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: "transparent",
    outlineStyle: "none",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    "::placeholder": { color: tokens.colorNeutralForeground4, opacity: 1 },
    ":disabled": { color: tokens.colorNeutralForegroundDisabled, cursor: "not-allowed", "::placeholder": { color: tokens.colorNeutralForegroundDisabled } },
  },
  hint: {
    marginTop: tokens.spacingVerticalXXS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
});

/** Props of {@link TextField}. */
export interface TextFieldProps {
  label: string;
  /** Help under the box, read out with it (`aria-describedby`). */
  hint: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
  disabled?: boolean;
  /** Put on the `<input>` itself, where a test types. */
  "data-testid"?: string;
}

/** A labelled single-line text box with a hint, looking like Fluent UI's Field with an outline Input. */
export function TextField({ label, hint, value, onChange, maxLength, placeholder, disabled = false, "data-testid": testId }: TextFieldProps) {
  const styles = useStyles();
  const inputId = useId();
  const hintId = useId();
  return (
    <div className={styles.root}>
      <label className={styles.label} htmlFor={inputId}>
        {label}
      </label>
      <span className={mergeClasses(styles.box, disabled && styles.disabledBox)}>
        <input
          id={inputId}
          className={styles.input}
          type="text"
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          disabled={disabled}
          aria-describedby={hintId}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
        />
      </span>
      <span id={hintId} className={styles.hint}>
        {hint}
      </span>
    </div>
  );
}
