import { useAgendaStyles } from "./agendaStyles.ts";

/** Props of {@link LiveAnnouncement}. */
export interface LiveAnnouncementProps {
  message: string;
  "data-testid"?: string;
}

/**
 * A polite live region, never seen: what a screen reader should hear after an action whose effect
 * is only visual (an item moving in the list). It stays mounted so changes to it are announced.
 */
export function LiveAnnouncement({ message, "data-testid": testId }: LiveAnnouncementProps) {
  const shared = useAgendaStyles();
  return (
    <div className={shared.visuallyHidden} role="status" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {message}
    </div>
  );
}
