import { makeStyles, tokens } from "@fluentui/react-components";
import { PeopleTeamRegular } from "@fluentui/react-icons";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { numberedPhase, roleHolders } from "../../components/facilitation/roomView.ts";
import { participantName } from "../../components/participantName.ts";
import { useStrings } from "../../i18n/useStrings.ts";

const useStyles = makeStyles({
  banner: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: "0.2em 1.4vw",
    padding: "1vh 1.6vw",
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    fontSize: "clamp(14px, 1.7vw, 24px)",
    lineHeight: 1.3,
    // a new item's roles are announced with a brief highlight (the banner is keyed by item)
    animationName: { from: { backgroundColor: tokens.colorBrandBackground }, to: { backgroundColor: tokens.colorBrandBackground2 } },
    animationDuration: "2s",
    animationTimingFunction: "ease-out",
    "@media (prefers-reduced-motion: reduce)": { animationName: "none" },
  },
  item: { display: "inline-flex", alignItems: "center", gap: "0.4em", fontWeight: tokens.fontWeightBold },
  icon: { flexShrink: 0, fontSize: "1.2em" },
  list: { display: "flex", flexWrap: "wrap", gap: "0.2em 1.4vw", listStyleType: "none", margin: 0, padding: 0 },
  entry: { display: "inline-flex", gap: "0.35em", alignItems: "baseline" },
  role: { color: tokens.colorNeutralForeground2 },
  name: { fontWeight: tokens.fontWeightSemibold },
});

/** Props of {@link StageRolesBanner}. */
export interface StageRolesBannerProps {
  state: MeetingState;
}

/**
 * Announces who holds each role on the item the room is on ("Item 2 · Facilitator Avery ·
 * Timekeeper Blake…"), to the room and to screen readers (a polite live region).
 */
export function StageRolesBanner({ state }: StageRolesBannerProps) {
  const styles = useStyles();
  const strings = useStrings();
  const phase = numberedPhase(state);
  if (!phase) return null;
  const holders = roleHolders(state, phase.item.itemId);
  return (
    <div role="status" aria-live="polite">
      <section
        key={phase.item.itemId}
        className={styles.banner}
        aria-label={strings.t("facilitation.rolesLabel")}
        data-testid="stage-roles"
        data-item-id={phase.item.itemId}
        data-roles={holders.map(({ role, userId }) => `${role}:${userId}`).join(" ")}
      >
        <span className={styles.item}>
          <PeopleTeamRegular className={styles.icon} aria-hidden="true" />
          {strings.t("facilitation.stage.rolesFor", { number: phase.itemNumber })}
        </span>
        {holders.length === 0 ? (
          <span className={styles.role}>{strings.t("facilitation.noRoles")}</span>
        ) : (
          <ul className={styles.list}>
            {holders.map(({ role, userId }) => (
              <li key={role} className={styles.entry} data-role={role} data-user-id={userId}>
                <span className={styles.role}>{strings.t(`facilitation.role.${role}`)}</span>
                <span className={styles.name}>{participantName(state, userId, strings.t("participant.unknown"))}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
