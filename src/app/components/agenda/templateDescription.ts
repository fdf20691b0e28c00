import { templateItems } from "../../../domain/agenda/templates.ts";
import type { AgendaTemplate } from "../../../protocol/vocabulary.ts";
import type { Strings } from "../../i18n/strings.ts";
import { formatMinutes } from "./formatDuration.ts";

/**
 * What a template adds, read from the domain's own template: "Adds 3 items, each Diagnose 20 min,
 * Options 25 min, …". Every template gives all its items the same phases (a test holds it to that).
 */
export function describeTemplate(strings: Strings, template: AgendaTemplate): string {
  const items = templateItems(template);
  const first = items[0];
  if (!first) return strings.t("agenda.templateNone");
  const phases = new Intl.ListFormat(strings.locale, { style: "long", type: "conjunction" }).format(
    first.phases.map((plan) => `${strings.t(`facilitation.phase.${plan.phase}`)} ${formatMinutes(plan.minutes, strings.locale)}`),
  );
  return strings.plural("agenda.templateAdds", items.length, { phases });
}
