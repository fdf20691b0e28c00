import { useId } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const strokeWidth = "--concord-spinner-stroke";

// Fluent UI's small Spinner (a ring whose arc grows, shrinks and turns), drawn with the same CSS
// but without the general component's sizes, appearances and delay logic.
const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", justifyContent: "center", gap: "8px", lineHeight: 0, overflow: "hidden", minWidth: "min-content" },
  ring: {
    [strokeWidth]: tokens.strokeWidthThick,
    position: "relative",
    flexShrink: 0,
    width: "28px",
    height: "28px",
    maskImage: `radial-gradient(closest-side, transparent calc(100% - var(${strokeWidth}) - 1px), white calc(100% - var(${strokeWidth})) calc(100% - 1px), transparent 100%)`,
    backgroundColor: tokens.colorBrandStroke2Contrast,
    color: tokens.colorBrandStroke1,
    animationDuration: "1.5s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    animationName: { "0%": { transform: "rotate(0deg)" }, "100%": { transform: "rotate(360deg)" } },
    "@media screen and (forced-colors: active)": { backgroundColor: "HighlightText", color: "Highlight", forcedColorAdjust: "none" },
    "@media screen and (prefers-reduced-motion: reduce)": { animationDuration: "1.8s" },
  },
  tail: {
    position: "absolute",
    display: "block",
    width: "100%",
    height: "100%",
    maskImage: "conic-gradient(transparent 105deg, white 105deg)",
    animationDuration: "1.5s",
    animationIterationCount: "infinite",
    animationTimingFunction: tokens.curveEasyEase,
    animationName: { "0%": { transform: "rotate(-135deg)" }, "50%": { transform: "rotate(0deg)" }, "100%": { transform: "rotate(225deg)" } },
    "::before, ::after": {
      content: '""',
      position: "absolute",
      display: "block",
      width: "100%",
      height: "100%",
      animationDuration: "inherit",
      animationIterationCount: "inherit",
      animationTimingFunction: "inherit",
      backgroundImage: "conic-gradient(currentcolor 135deg, transparent 135deg)",
    },
    "::before": { animationName: { "0%": { transform: "rotate(0deg)" }, "50%": { transform: "rotate(105deg)" }, "100%": { transform: "rotate(0deg)" } } },
    "::after": { animationName: { "0%": { transform: "rotate(0deg)" }, "50%": { transform: "rotate(225deg)" }, "100%": { transform: "rotate(0deg)" } } },
    // without motion, a still arc says "working" instead
    "@media screen and (prefers-reduced-motion: reduce)": {
      animationIterationCount: "0",
      backgroundImage: "conic-gradient(transparent 120deg, currentcolor 360deg)",
      "::before, ::after": { content: "none" },
    },
  },
  label: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1 },
});

/** Props of {@link LabelledSpinner}. */
export interface LabelledSpinnerProps {
  label: string;
}

/** A progress ring with its label beside it, named by the label for assistive technology (`role="progressbar"`). */
export function LabelledSpinner({ label }: LabelledSpinnerProps) {
  const styles = useStyles();
  const labelId = useId();
  return (
    <div className={styles.root} role="progressbar" aria-labelledby={labelId}>
      <span className={styles.ring}>
        <span className={styles.tail} />
      </span>
      <span id={labelId} className={styles.label}>
        {label}
      </span>
    </div>
  );
}
