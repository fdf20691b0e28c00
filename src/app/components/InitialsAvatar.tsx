import { makeStyles, mergeClasses, tokens, type GriffelStyle } from "@fluentui/react-components";
import { avatarColorFor, avatarColors, initialsOf, type AvatarColor } from "./initials.ts";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    flexShrink: 0,
    alignItems: "center",
    justifyContent: "center",
    boxSizing: "border-box",
    borderRadius: tokens.borderRadiusCircular,
    // a transparent stroke (not none) so the circle keeps an outline in forced colours
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: 1,
    userSelect: "none",
  },
  size28: { width: "28px", height: "28px", fontSize: tokens.fontSizeBase200 },
  size32: { width: "32px", height: "32px", fontSize: tokens.fontSizeBase300 },
  size40: { width: "40px", height: "40px", fontSize: tokens.fontSizeBase300 },
});

// Fluent's avatar pairs each palette colour's Background2 with its Foreground2
const colorStyles = Object.fromEntries(
  avatarColors.map((color) => {
    const name = `${color.charAt(0).toUpperCase()}${color.slice(1)}` as Capitalize<AvatarColor>;
    return [color, { color: tokens[`colorPalette${name}Foreground2`], backgroundColor: tokens[`colorPalette${name}Background2`] }];
  }),
) as Record<AvatarColor, GriffelStyle>;

const useColorStyles = makeStyles(colorStyles);

/** Props of {@link InitialsAvatar}. */
export interface InitialsAvatarProps {
  name: string;
  size: 28 | 32 | 40;
}

/**
 * A person's initials in a circle of their Fluent avatar colour. Decorative (hidden from assistive
 * technology): the name is always written next to it. Lighter than Fluent's Avatar, which also
 * handles images, presence badges and rings that Concord does not show.
 */
export function InitialsAvatar({ name, size }: InitialsAvatarProps) {
  const styles = useStyles();
  const colors = useColorStyles();
  return (
    <span className={mergeClasses(styles.root, styles[`size${size}`], colors[avatarColorFor(name)])} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
