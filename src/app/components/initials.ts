/**
 * The 30 colours Fluent UI's `colorful` avatar picks from, in Fluent's order, so a person keeps the
 * colour Teams and Fluent give them.
 */
export const avatarColors = [
  "darkRed", "cranberry", "red", "pumpkin", "peach", "marigold", "gold", "brass", "brown", "forest",
  "seafoam", "darkGreen", "lightTeal", "teal", "steel", "blue", "royalBlue", "cornflower", "navy", "lavender",
  "purple", "grape", "lilac", "pink", "magenta", "plum", "beige", "mink", "platinum", "anchor",
] as const;

/** One of {@link avatarColors}. */
export type AvatarColor = (typeof avatarColors)[number];

/** The avatar colour for a name: Fluent UI's hash of the name, so it matches Fluent's `colorful` avatar. */
export function avatarColorFor(name: string): AvatarColor {
  let hash = 0;
  for (let index = name.length - 1; index >= 0; index--) {
    const code = name.charCodeAt(index);
    const shift = index % 8;
    hash ^= (code << shift) + (code >> (8 - shift));
  }
  // char codes stay below 2^16 and shifts below 8, so the hash never turns negative
  return avatarColors[hash % avatarColors.length] ?? avatarColors[0];
}

/**
 * Up to two initials for a display name: the first letters of its first and last words, ignoring
 * bracketed parts ("Ada Lovelace (Guest)") and punctuation. Empty when the name has no letter or digit.
 */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[([{][^)\]}]*([)\]}]|$)/g, " ")
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((word) => word.length > 0);
  const first = words[0];
  if (first === undefined) return "";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return [first, last].map((word) => (word ? String.fromCodePoint(word.codePointAt(0) ?? 0) : "")).join("").toUpperCase();
}
