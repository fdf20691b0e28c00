import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import * as fluentIcons from "@fluentui/react-icons";
import * as agendaIcons from "./agendaIcons.ts";

describe("agenda icons", () => {
  it("draw exactly the Fluent UI icons they are named after", () => {
    for (const Icon of Object.values(agendaIcons)) {
      const name = Icon.displayName ?? "";
      const Original = (fluentIcons as unknown as Record<string, typeof Icon | undefined>)[name];
      expect(Original, name).toBeDefined();
      if (Original) expect(renderToStaticMarkup(<Icon />)).toBe(renderToStaticMarkup(<Original />));
    }
  });
});
