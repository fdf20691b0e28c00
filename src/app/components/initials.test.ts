import { describe, expect, it } from "vitest";
import { avatarColorFor, avatarColors, initialsOf } from "./initials.ts";

describe("initialsOf", () => {
  it("takes the first letters of the first and last words", () => {
    expect(initialsOf("Casey Nguyen")).toBe("CN");
    expect(initialsOf("Mary Ann Smith")).toBe("MS");
    expect(initialsOf("ada")).toBe("A");
  });

  it("ignores bracketed parts, punctuation and extra spaces", () => {
    expect(initialsOf("  Blake   Okafor (Guest) ")).toBe("BO");
    expect(initialsOf("Jean-Luc Picard")).toBe("JP");
    expect(initialsOf("Émilie «Mimi» Côté")).toBe("ÉC");
  });

  it("is empty for a name without letters or digits", () => {
    expect(initialsOf("")).toBe("");
    expect(initialsOf("(guest) --")).toBe("");
  });
});

describe("avatarColorFor", () => {
  it("gives the colour Fluent UI's colorful avatar gives the same name", () => {
    // the colours Fluent UI's Avatar gives these two in the side panel and meeting tab
    expect(avatarColorFor("Casey Nguyen")).toBe("grape");
    expect(avatarColorFor("Blake Okafor")).toBe("forest");
  });

  it("always picks one of Fluent's avatar colours, the same for the same name", () => {
    for (const name of ["", "A", "Avery Chen", "名前", "x".repeat(300)]) {
      expect(avatarColors).toContain(avatarColorFor(name));
      expect(avatarColorFor(name)).toBe(avatarColorFor(name));
    }
  });
});
