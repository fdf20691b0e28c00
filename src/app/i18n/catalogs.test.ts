import { describe, expect, it } from "vitest";
import { RejectionCodeSchema } from "../../protocol/rejections.ts";
import { interpolate, placeholdersOf, type Catalog } from "./catalog.ts";
import { facilitationControlsEn } from "./messages/facilitationControls.en.ts";
import { meetingTabEn } from "./messages/meetingTab.en.ts";
import { queueControlsEn } from "./messages/queueControls.en.ts";
import { frCA } from "./fr-CA.ts";
import { allEnglish } from "./testing/allEnglish.ts";
import { createStrings, englishStrings, loadedStrings, loadStrings, resolveLocale } from "./strings.ts";

const french = createStrings("fr-CA", frCA);
const en = allEnglish;

describe("catalogs", () => {
  it("gives French every English key, and no other", () => {
    expect(Object.keys(frCA).sort()).toEqual(Object.keys(en).sort());
  });

  it("keeps every placeholder in the French translation", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, placeholders: [...placeholdersOf(frCA[key])].sort() }).toEqual({
        key,
        placeholders: [...placeholdersOf(en[key])].sort(),
      });
    }
  });

  it("is enforced by the type system", () => {
    const { "app.reload": _omitted, ...incomplete } = frCA;
    // @ts-expect-error a catalog missing a key does not compile
    const missing: Catalog = incomplete;
    // @ts-expect-error a catalog with a key English lacks does not compile
    const extra: Catalog = { ...frCA, "made.up": "Inventé" };
    const strings = englishStrings;
    // @ts-expect-error a message with a placeholder needs its value
    strings.t("facilitator.grant");
    // @ts-expect-error keys are checked
    strings.t("no.such.key");
    expect([missing, extra]).toHaveLength(2);
  });

  it("has a human message for every rejection code, in both languages", () => {
    for (const code of RejectionCodeSchema.options) {
      const english = englishStrings.rejection(code);
      const inFrench = french.rejection(code);
      expect(english).not.toMatch(/rejection\./);
      expect(inFrench).not.toMatch(/rejection\./);
      expect(inFrench).not.toBe(english);
    }
  });
});

describe("strings", () => {
  it("interpolates named values and leaves unknown ones visible", () => {
    expect(englishStrings.t("facilitator.grant", { name: "Ada" })).toBe("Give the floor to Ada");
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });

  it("uses each language's plural rules: French counts zero as singular", () => {
    const english = englishStrings;
    expect(english.plural("queue.count", 0)).toBe("0 people waiting");
    expect(english.plural("queue.count", 1)).toBe("1 person waiting");
    expect(english.plural("queue.count", 3)).toBe("3 people waiting");
    expect(french.plural("queue.count", 0)).toBe("0 personne en attente");
    expect(french.plural("queue.count", 1)).toBe("1 personne en attente");
    expect(french.plural("queue.count", 2)).toBe("2 personnes en attente");
  });

  it("writes ordinals the way each language does", () => {
    const english = englishStrings;
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((n) => english.ordinal(n))).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
    ]);
    expect([1, 2, 10].map((n) => french.ordinal(n))).toEqual(["1er", "2e", "10e"]);
    expect(english.t("me.inLine", { place: english.ordinal(2) })).toBe("You are 2nd in line");
    expect(french.t("me.inLine", { place: french.ordinal(1) })).toBe("Vous êtes au 1er rang dans la file");
  });

  it("picks fr-CA for any French locale from Teams and English otherwise", () => {
    expect(resolveLocale("fr-ca")).toBe("fr-CA");
    expect(resolveLocale("fr-FR")).toBe("fr-CA");
    expect(resolveLocale("FR")).toBe("fr-CA");
    expect(resolveLocale("en-us")).toBe("en");
    expect(resolveLocale("de-de")).toBe("en");
    expect(resolveLocale(undefined)).toBe("en");
  });
});

describe("loadStrings", () => {
  it("has English at hand and fetches French once, on first use", async () => {
    expect(loadedStrings("en")).toBe(englishStrings);
    expect(loadedStrings("fr-CA")).toBeUndefined();
    const loaded = await loadStrings("fr-CA");
    expect(loaded.locale).toBe("fr-CA");
    expect(loaded.t("raise.button")).toBe("Lever la main");
    expect(loadedStrings("fr-CA")).toBe(loaded);
    await expect(loadStrings("fr-CA")).resolves.toBe(loaded);
    await expect(loadStrings("en")).resolves.toBe(englishStrings);
  });

  it("adds the speaking queue's lazily loaded messages when their code loads", async () => {
    expect(englishStrings.t("equity.heading")).toBe("equity.heading");
    await import("../components/queue/facilitatorParts.ts");
    expect(englishStrings.t("equity.heading")).toBe(queueControlsEn["equity.heading"]);
    // a cold import of the parts and Fluent UI can take seconds on a busy machine
  }, 60_000);

  it("adds the meeting tab's English messages when that surface loads", async () => {
    await import("./meetingTabMessages.ts");
    expect(englishStrings.t("agenda.empty")).toBe(meetingTabEn["agenda.empty"]);
    expect(englishStrings.t("facilitation.phaseHint.diagnose")).toBe(facilitationControlsEn["facilitation.phaseHint.diagnose"]);
  }, 60_000);
});
