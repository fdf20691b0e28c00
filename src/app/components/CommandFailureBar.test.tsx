import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { CommandFailure } from "../hooks/useCommands.ts";
import { frCA } from "../i18n/fr-CA.ts";
import { createStrings, englishStrings } from "../i18n/strings.ts";
import type { Strings } from "../i18n/strings.ts";
import { StringsContext } from "../i18n/useStrings.ts";
import { CommandFailureBar } from "./CommandFailureBar.tsx";

/** The bar's text as a person reads it, and the reason's language, rendered in `strings`' language. */
function shown(failure: CommandFailure, strings: Strings = englishStrings): { text: string; reasonLang: string | null } {
  const html = renderToStaticMarkup(
    <StringsContext.Provider value={strings}>
      <CommandFailureBar failure={failure} onDismiss={() => undefined} />
    </StringsContext.Provider>,
  );
  const text = html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  return { text, reasonLang: /<span lang="([^"]+)">/.exec(html)?.[1] ?? null };
}

const pastDue: CommandFailure = { kind: "rejected", code: "invalidInput", message: "dueDate 2026-03-09 is in the past; choose 2026-03-10 (today, UTC) or later." };

describe("the command failure bar", () => {
  it("shows a refusal in words: the translated sentence, then the server's reason naming the field", () => {
    expect(shown(pastDue)).toEqual({
      text: "That didn't work Some of what you entered isn't valid. Check it and try again. Concord's reason: dueDate 2026-03-09 is in the past; choose 2026-03-10 (today, UTC) or later.",
      reasonLang: "en",
    });
  });

  it("keeps the server's English reason, marked as English, in French", () => {
    expect(shown(pastDue, createStrings("fr-CA", frCA))).toEqual({
      text: "Cette action n’a pas fonctionné Une partie de ce que vous avez inscrit n’est pas valide. Vérifiez-la, puis réessayez. Motif donné par Concord (en anglais)\u00a0: dueDate 2026-03-09 is in the past; choose 2026-03-10 (today, UTC) or later.",
      reasonLang: "en",
    });
  });

  it("does not repeat a reason that says no more than the translated sentence, or an empty one", () => {
    expect(shown({ kind: "rejected", code: "queueEmpty", message: "Nobody is waiting to speak." }).text).toBe("That didn't work Nobody is waiting to speak.");
    expect(shown({ kind: "rejected", code: "forbidden", message: "" }).text).toBe("That didn't work You don't have permission to do that.");
  });

  it("shows nothing when nothing failed", () => {
    expect(renderToStaticMarkup(<CommandFailureBar failure={null} onDismiss={() => undefined} />)).toBe("");
  });
});
