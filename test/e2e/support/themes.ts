import { expect } from "vitest";
import type { SimulatorPage } from "../pages/simulatorPage.ts";
import { frameOf } from "./frames.ts";

/** What a screenshot's file name calls a theme. */
export type ThemeName = "light" | "dark";

/**
 * Runs `shoot` once in the light theme and once in the dark, each time after every frame in
 * `selectors` has switched and with the pointer moved off the app; leaves the light theme on.
 */
export async function inEachTheme(
  simulator: SimulatorPage,
  selectors: string[],
  shoot: (themeName: ThemeName, theme: "default" | "dark") => Promise<void>,
): Promise<void> {
  const { page } = simulator;
  for (const theme of ["default", "dark"] as const) {
    await simulator.setTheme(theme);
    for (const selector of selectors) {
      const frame = await frameOf(page, selector);
      await expect.poll(() => frame.locator("[data-theme]").first().getAttribute("data-theme")).toBe(theme);
    }
    // a pointer left over a control would show its hover colour
    await page.mouse.move(0, 0);
    await shoot(theme === "default" ? "light" : "dark", theme);
  }
  await simulator.setTheme("default");
}
