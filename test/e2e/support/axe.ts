import { createRequire } from "node:module";
import fs from "node:fs";
import type { Frame } from "playwright-core";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core inside a frame and returns the serious and critical violations. */
export async function seriousViolations(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** An accessibility defect Concord knows of: an axe rule excused only on the controls `target` matches. */
export interface KnownDefect {
  rule: string;
  target: RegExp;
}

// No known accessibility defect is excused; add one here only with the control it is limited to.
const KNOWN_DEFECTS: KnownDefect[] = [];

/** The violations left once the nodes of every known defect are taken out; a violation with no node left goes. */
export function withoutKnownDefects(violations: AxeViolation[]): AxeViolation[] {
  const isKnown = (rule: string, target: string[]) => KNOWN_DEFECTS.some((defect) => defect.rule === rule && target.length > 0 && target.every((part) => defect.target.test(part)));
  return violations
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !isKnown(violation.id, node.target)) }))
    .filter((violation) => violation.nodes.length > 0);
}
