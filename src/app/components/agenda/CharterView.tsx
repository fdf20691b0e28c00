import { makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { useAgendaStyles } from "./agendaStyles.ts";

const useStyles = makeStyles({
  facts: { display: "grid", gridTemplateColumns: "minmax(160px, max-content) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalL, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  groundRules: { whiteSpace: "pre-wrap" },
});

/** Props of {@link CharterView}. */
export interface CharterViewProps {
  state: MeetingState;
}

/** The charter as everyone reads it: decision rule with its meaning, deciders, ground rules, roles and rotation. */
export function CharterView({ state }: CharterViewProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const { charter } = state;
  const unknown = strings.t("participant.unknown");
  const list = new Intl.ListFormat(strings.locale, { style: "long", type: "conjunction" });
  return (
    <dl className={styles.facts} data-testid="charter-view">
      <dt className={styles.term}>{strings.t("charter.rule")}</dt>
      <dd className={styles.detail} data-testid="charter-view-rule" data-rule={charter.decisionRule}>
        <span className={shared.text}>{strings.t(`rule.${charter.decisionRule}`)}</span>
        <span className={shared.secondary}>{strings.t(`ruleHint.${charter.decisionRule}`)}</span>
      </dd>
      <dt className={styles.term}>{strings.t("charter.deciders")}</dt>
      <dd className={styles.detail} data-testid="charter-view-deciders">
        {charter.deciderIds.length === 0 ? strings.t("charter.noDeciders") : list.format(charter.deciderIds.map((userId) => participantName(state, userId, unknown)))}
      </dd>
      <dt className={styles.term}>{strings.t("charter.groundRules")}</dt>
      <dd className={`${styles.detail} ${styles.groundRules}`} data-testid="charter-view-ground-rules">
        {charter.groundRules || strings.t("charter.noGroundRules")}
      </dd>
      <dt className={styles.term}>{strings.t("charter.roles")}</dt>
      <dd className={styles.detail}>
        {list.format(charter.rolesInUse.map((role) => strings.t(`facilitation.role.${role}`)))}
        <span className={shared.secondary}>{strings.t(`rotation.${state.roles.policy}`)}</span>
      </dd>
    </dl>
  );
}
