import type { EntryKind } from "../../../protocol/vocabulary.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { TextBadge } from "../TextBadge.tsx";

/** Props of {@link KindBadge}. */
export interface KindBadgeProps {
  kind: EntryKind;
}

/**
 * The kind of a queue entry in words ("Point of order") in a small pill; a point of order, which
 * jumps the queue, is outlined in the danger colour. The word carries the meaning, not the colour.
 */
export function KindBadge({ kind }: KindBadgeProps) {
  const strings = useStrings();
  return <TextBadge tone={kind === "pointOfOrder" ? "danger" : "informative"}>{strings.t(`queue.kind.${kind}`)}</TextBadge>;
}
