import type { Strings } from "../../i18n/strings.ts";
import type { FieldProblem } from "./fieldProblems.ts";

/** The sentence for a field's problem, naming the field by its label ("Title is required."). */
export function fieldProblemMessage(strings: Strings, field: string, problem: FieldProblem | null): string | undefined {
  if (!problem) return undefined;
  switch (problem.kind) {
    case "required":
      return strings.t("form.required", { field });
    case "tooLong":
      return strings.t("form.tooLong", { field, max: problem.max });
    case "minutes":
      return strings.t("form.minutes", { field, min: problem.min, max: problem.max });
    case "link":
      return strings.t("form.link", { field });
  }
}
