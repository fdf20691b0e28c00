import { describe, expect, it } from "vitest";
import { en as entryEnglish } from "./en.ts";
import { configEn } from "./messages/config.en.ts";
import { facilitationControlsEn } from "./messages/facilitationControls.en.ts";
import { meetingTabEn } from "./messages/meetingTab.en.ts";
import { outsideTeamsEn } from "./messages/outsideTeams.en.ts";
import { personalEn } from "./messages/personal.en.ts";
import { stageEn } from "./messages/stage.en.ts";
import { englishStrings } from "./strings.ts";
import { allEnglish } from "./testing/allEnglish.ts";

// Every source file of the tab, keyed like "../surfaces/sidePanel/SidePanel.tsx" (relative to this folder).
const sources = Object.fromEntries(
  Object.entries(import.meta.glob<string>(["../**/*.{ts,tsx}", "!../**/*.test.{ts,tsx}"], { query: "?raw", import: "default", eager: true })).map(
    ([file, source]) => [file.replace(/^\.\//, "../i18n/"), source],
  ),
);

/** The message keys a source names: quoted keys, and every key a template such as `facilitation.phase.${phase}` can build. */
function keysUsedBy(source: string): string[] {
  const keys = Object.keys(allEnglish);
  const quoted = keys.filter((key) => source.includes(`"${key}"`));
  const templated = [...source.matchAll(/`([a-zA-Z.]+\.)\$\{/g)].flatMap(([, prefix]) =>
    keys.filter((key) => prefix !== undefined && key.startsWith(prefix) && !key.slice(prefix.length).includes(".")),
  );
  return [...new Set([...quoted, ...templated])];
}

/** The tab's modules that `start` loads through static imports (type-only imports and `import()` excluded). */
function staticImports(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const source = sources[file];
    if (source === undefined || seen.has(file)) return;
    seen.add(file);
    const specifiers = [
      ...[...source.matchAll(/^import\s+(?!type\s)([^;]*?)\s+from\s+"(\.[^"]+)"/gm)]
        .filter(([, bindings]) => !/^\{[^}]*\}$/.test(bindings!.trim()) || bindings!.replace(/[{}]/g, "").split(",").some((name) => name.trim() !== "" && !/^type\s/.test(name.trim())))
        .map(([, , specifier]) => specifier!),
      ...[...source.matchAll(/^import\s+"(\.[^"]+)"/gm)].map(([, specifier]) => specifier!),
      ...[...source.matchAll(/^export\s+(?!type\s)[^;]*?\s+from\s+"(\.[^"]+)"/gm)].map(([, specifier]) => specifier!),
    ];
    for (const specifier of specifiers) visit(new URL(specifier, `file:///app/i18n/${file}`).pathname.replace(/^\/app\//, "../"));
  };
  visit(start);
  return seen;
}

describe("the side panel's first download", () => {
  it("holds every message the side panel's statically loaded code shows", () => {
    const initial = [...staticImports("../main.tsx"), ...staticImports("../surfaces/sidePanel/SidePanel.tsx")];
    // the walk must reach the panel's own parts and the components they draw with
    expect(initial).toEqual(expect.arrayContaining(["../surfaces/sidePanel/NowSection.tsx", "../components/QueueList.tsx", "../components/facilitation/PhaseCountdown.tsx"]));
    const missing = initial.flatMap((file) => keysUsedBy(sources[file]!).filter((key) => !Object.hasOwn(entryEnglish, key)).map((key) => `${file}: ${key}`));
    expect(missing).toEqual([]);
  });

  it("leaves out the other surfaces' messages and the facilitation controls'", () => {
    for (const messages of [stageEn, configEn, personalEn, outsideTeamsEn, facilitationControlsEn]) {
      for (const key of Object.keys(messages)) expect({ key, isInEntry: Object.hasOwn(entryEnglish, key) }).toEqual({ key, isInEntry: false });
    }
  });
});

describe("messages added when their code loads", () => {
  // Each lazily added catalog: the module that registers it, and the folders whose surface registers it
  // for every file inside. Any other file that shows one of its messages must import the module itself.
  const lazyCatalogs = [
    { name: "meeting tab", messages: meetingTabEn, module: "meetingTabMessages.ts", areas: ["../surfaces/meetingTab/", "../components/agenda/"] },
    { name: "stage", messages: stageEn, module: "stageMessages.ts", areas: ["../surfaces/stage/"] },
    { name: "configuration page", messages: configEn, module: "configMessages.ts", areas: ["../surfaces/config/"] },
    { name: "personal tab", messages: personalEn, module: "personalMessages.ts", areas: ["../surfaces/personal/"] },
    { name: "outside-Teams page", messages: outsideTeamsEn, module: "outsideTeamsMessages.ts", areas: ["../surfaces/outsideTeams/"] },
    {
      name: "facilitation controls",
      messages: facilitationControlsEn,
      module: "facilitationControlsMessages.ts",
      areas: ["../surfaces/stage/", "../surfaces/meetingTab/", "../components/agenda/"],
    },
  ];

  it.each(lazyCatalogs.map((catalog) => [catalog.name, catalog] as const))("shows the %s messages only where they are registered", (_name, { messages, module, areas }) => {
    const offenders: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      if (file.startsWith("../i18n/") || areas.some((area) => file.startsWith(area)) || source.includes(`/i18n/${module}"`)) continue;
      for (const key of keysUsedBy(source)) if (Object.hasOwn(messages, key)) offenders.push(`${file}: ${key}`);
    }
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });

  it("adds the facilitation controls' messages with the controls and the side panel's folded agenda", async () => {
    expect(englishStrings.t("facilitation.start")).toBe("facilitation.start");
    await import("../components/facilitation/FacilitationControls.tsx");
    expect(englishStrings.t("facilitation.start")).toBe(facilitationControlsEn["facilitation.start"]);
  }, 60_000);

  it("adds each surface's English messages when that surface loads", async () => {
    expect(englishStrings.t("stage.upNext")).toBe("stage.upNext");
    await import("../surfaces/stage/Stage.tsx");
    expect(englishStrings.t("stage.upNext")).toBe(stageEn["stage.upNext"]);
    expect(englishStrings.t("facilitation.stage.startingSoon")).toBe(facilitationControlsEn["facilitation.stage.startingSoon"]);

    expect(englishStrings.t("personal.title")).toBe("personal.title");
    await import("../surfaces/personal/PersonalTab.tsx");
    expect(englishStrings.t("personal.title")).toBe(personalEn["personal.title"]);

    expect(englishStrings.t("outside.title")).toBe("outside.title");
    await import("../surfaces/outsideTeams/OutsideTeams.tsx");
    expect(englishStrings.t("outside.title")).toBe(outsideTeamsEn["outside.title"]);

    expect(englishStrings.t("config.save")).toBe("config.save");
    const { loadConfigPage } = await import("../surfaces/lazySurfaces.ts");
    await loadConfigPage();
    expect(englishStrings.t("config.save")).toBe(configEn["config.save"]);
  }, 60_000);
});
