import { useEffect, type DependencyList, type RefObject } from "react";

/**
 * Moves focus to `target` after a change, but only when the change dropped focus on the page body,
 * as when the button just pressed ("Raise hand") is replaced by another ("Lower hand"). A keyboard
 * or screen reader user then stays where they were instead of starting over at the top.
 * `document.hasFocus()` keeps it from grabbing focus when the panel merely loads.
 */
export function useRestoreLostFocus(target: RefObject<HTMLElement | null>, deps: DependencyList): void {
  useEffect(() => {
    const active = document.activeElement;
    if (document.hasFocus() && (active === null || active === document.body)) target.current?.focus();
  }, deps); // the caller names the changes that can drop focus
}
