import { useEffect, useRef, useState, type FormEvent, type RefObject } from "react";

/** What a pure form check returns: the values to send, or the problems by field. */
export type Checked<V, P> = { ok: true; values: V } | { ok: false; problems: P };

/** Options of {@link useCheckedForm}. */
export interface CheckedFormOptions<D, V, P> {
  /** The draft the form opens with. */
  initial: () => D;
  /** Checks a draft the way the server will, without side effects. */
  check: (draft: D) => Checked<V, P>;
  /** Sends the checked values. */
  onSubmit: (values: V) => Promise<unknown>;
  /** A selector for the element to focus when the form opens; nothing is focused when omitted. */
  initialFocus?: string;
}

/** The state and handlers {@link useCheckedForm} gives a form. */
export interface CheckedForm<D, P> {
  draft: D;
  /** The problems of the last refused submit, kept current as the draft changes; null when there are none. */
  problems: P | null;
  /** Replaces the draft; after a refused submit it is checked again so the messages follow the typing. */
  update: (next: D) => void;
  /** Attach to the `<form>`: focus is moved inside it. */
  formRef: RefObject<HTMLFormElement | null>;
  /** The form's submit handler: checks the draft, then either shows the problems or sends the values. */
  handleSubmit: (event: FormEvent) => Promise<void>;
}

/**
 * Owns a checked form's draft, its problems and the submit: a refused submit shows the problems and
 * takes the reader to the first field that needs fixing; an accepted one clears them and sends.
 */
export function useCheckedForm<D, V, P>({ initial, check, onSubmit, initialFocus }: CheckedFormOptions<D, V, P>): CheckedForm<D, P> {
  const [draft, setDraft] = useState<D>(initial);
  const [problems, setProblems] = useState<P | null>(null);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // only the opening and each refused attempt move focus, never a re-render
    const selector = attempt > 0 ? '[aria-invalid="true"]' : initialFocus;
    if (selector !== undefined) formRef.current?.querySelector<HTMLElement>(selector)?.focus();
  }, [attempt]);

  const update = (next: D) => {
    setDraft(next);
    if (problems) {
      const checked = check(next);
      setProblems(checked.ok ? null : checked.problems);
    }
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = check(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setAttempt((count) => count + 1);
      return;
    }
    setProblems(null);
    await onSubmit(checked.values);
  };

  return { draft, problems, update, formRef, handleSubmit };
}
