import { useRef, type KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: {
    position: "relative",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    // the selection bar, drawn as a border so forced colours keep it
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      borderBottom: `3px solid transparent`,
      borderRadius: tokens.borderRadiusCircular,
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": { borderBottomColor: tokens.colorCompoundBrandStroke },
    "@media (forced-colors: active)": { "::after": { borderBottomColor: "Highlight" } },
  },
});

/** Props of {@link SectionTabs}. */
export interface SectionTabsProps<T extends string> {
  sections: readonly T[];
  selected: T;
  label: string;
  labelOf: (section: T) => string;
  /** The id of a section's tab and of its panel, for `aria-controls` / `aria-labelledby`. */
  tabId: (section: T) => string;
  panelId: (section: T) => string;
  onSelect: (section: T) => void;
}

/**
 * A row of tabs that looks like Fluent UI's TabList, following the ARIA tabs pattern: one tab stop,
 * arrow keys (and Home, End) move between tabs and select them. Built here because TabList's focus
 * management adds hidden focusable elements that accessibility checkers flag.
 */
export function SectionTabs<T extends string>({ sections, selected, label, labelOf, tabId, panelId, onSelect }: SectionTabsProps<T>) {
  const styles = useStyles();
  const listRef = useRef<HTMLDivElement>(null);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = sections.indexOf(selected);
    const isRtl = getComputedStyle(event.currentTarget).direction === "rtl";
    const step = { ArrowRight: isRtl ? -1 : 1, ArrowLeft: isRtl ? 1 : -1 }[event.key];
    const target =
      step !== undefined ? sections[(index + step + sections.length) % sections.length] : event.key === "Home" ? sections[0] : event.key === "End" ? sections.at(-1) : undefined;
    if (target === undefined) return;
    event.preventDefault();
    onSelect(target);
    listRef.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(target))}`)?.focus();
  };

  return (
    <div ref={listRef} role="tablist" aria-label={label} className={styles.list} onKeyDown={handleKeyDown}>
      {sections.map((section) => {
        const isSelected = section === selected;
        return (
          <button
            key={section}
            type="button"
            role="tab"
            id={tabId(section)}
            aria-selected={isSelected}
            aria-controls={panelId(section)}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(section)}
            data-testid={`section-${section}`}
          >
            {labelOf(section)}
          </button>
        );
      })}
    </div>
  );
}
