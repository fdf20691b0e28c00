import type { ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    boxSizing: "border-box",
    alignItems: "center",
    justifyContent: "center",
    position: "relative",
    flexShrink: 0,
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusCircular,
    // the outline is drawn over the box so it never changes the badge's size
    "::after": { content: '""', position: "absolute", inset: 0, borderRadius: "inherit" },
  },
  small: {
    height: "16px",
    minWidth: "16px",
    padding: `0 calc(${tokens.spacingHorizontalXXS} + ${tokens.spacingHorizontalXXS})`,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
  },
  medium: {
    height: "20px",
    minWidth: "20px",
    padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  brand: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    // a transparent stroke, not none, so the filled badge keeps an outline in forced colours
    "::after": { border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}` },
  },
  informative: { color: tokens.colorNeutralForeground3, "::after": { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
  danger: { color: tokens.colorStatusDangerForeground1, "::after": { border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}` } },
});

/** Props of {@link TextBadge}. */
export interface TextBadgeProps {
  /** `brand` is filled with the brand colour; `informative` is outlined and neutral; `danger` is outlined in the danger colour (a point of order). */
  tone: "brand" | "informative" | "danger";
  size?: "small" | "medium";
  children: ReactNode;
}

/**
 * A short status word in a pill ("You", "Next"), styled as Fluent UI's filled brand and outline
 * informative badges. The word itself carries the meaning, so it never relies on colour alone.
 */
export function TextBadge({ tone, size = "small", children }: TextBadgeProps) {
  const styles = useStyles();
  return <span className={mergeClasses(styles.root, styles[size], styles[tone])}>{children}</span>;
}
