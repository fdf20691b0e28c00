import "../../i18n/queueControlsMessages.ts";
import { useId } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { EntryKind } from "../../../protocol/vocabulary.ts";
import { KIND_PROBLEM_MESSAGES, kindProblem } from "./kindProblem.ts";
import { useStrings } from "../../i18n/useStrings.ts";

/** The kinds offered under the raise button, most urgent first; a new point is the one-click default. */
const OTHER_KINDS = ["pointOfOrder", "clarifyingQuestion", "reply"] as const satisfies readonly EntryKind[];

const useStyles = makeStyles({
  kinds: { listStyleType: "none", margin: 0, padding: `${tokens.spacingVerticalS} 0 0`, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  kind: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: "2px" },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** Props of {@link KindChooser}. */
export interface KindChooserProps {
  state: MeetingState;
  viewerId: string;
  isRaising: boolean;
  onRaise: (kind: EntryKind) => void;
}

/**
 * The urgent kinds of entry (point of order, clarifying question, reply), each raised in one
 * click and each saying what it is for, or why the viewer cannot raise it now (still reachable
 * from the keyboard, so the reason is heard).
 */
export function KindChooser({ state, viewerId, isRaising, onRaise }: KindChooserProps) {
  const styles = useStyles();
  const strings = useStrings();
  const id = useId();
  return (
    <ul className={styles.kinds} data-testid="kind-chooser">
      {OTHER_KINDS.map((kind) => {
        const problem = kindProblem(state, viewerId, kind);
        return (
          <li key={kind} className={styles.kind}>
            <Button disabledFocusable={problem !== null || isRaising} aria-describedby={`${id}-${kind}`} data-testid={`raise-${kind}-button`} onClick={() => onRaise(kind)}>
              {strings.t(`queue.kind.${kind}`)}
            </Button>
            <span id={`${id}-${kind}`} className={styles.hint}>
              {problem === null ? strings.t(`queue.kindHint.${kind}`) : strings.t(KIND_PROBLEM_MESSAGES[problem])}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
