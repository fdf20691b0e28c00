import { makeStyles, tokens } from "@fluentui/react-components";
import { commitmentsForItem } from "../../../domain/commitments/selectors.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import { formatDueDate, ownerNames } from "../../components/commitments/commitmentFormat.ts";
import "../../i18n/commitmentsMessages.ts";
import { useStrings } from "../../i18n/useStrings.ts";

/** Commitments the stage names; the rest are counted, so the countdown above stays in view at 720 p. */
export const STAGE_VISIBLE_COMMITMENTS = 3;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "0.8vh", minWidth: 0 },
  heading: { margin: 0, fontSize: "clamp(14px, 1.6vw, 24px)", lineHeight: 1.2, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "0.6vh" },
  entry: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: "0.8vw", minWidth: 0, fontSize: "clamp(13px, 1.5vw, 22px)", lineHeight: 1.25 },
  title: { fontWeight: tokens.fontWeightBold, overflowWrap: "anywhere" },
  detail: { color: tokens.colorNeutralForeground2 },
  more: { margin: 0, fontSize: "clamp(12px, 1.3vw, 18px)", color: tokens.colorNeutralForeground2 },
});

/** Props of {@link StageCommitments}. */
export interface StageCommitmentsProps {
  state: MeetingState;
  itemId: string;
}

/** The open commitments captured for the current item, compact: title, owners, due date. */
export function StageCommitments({ state, itemId }: StageCommitmentsProps) {
  const styles = useStyles();
  const strings = useStrings();
  const open = commitmentsForItem(state, itemId).filter((commitment) => commitment.status === "open");
  if (open.length === 0) return null;
  const shown = open.slice(-STAGE_VISIBLE_COMMITMENTS);
  const hidden = open.length - shown.length;
  return (
    <section className={styles.root} aria-labelledby="stage-commitments-heading" data-testid="stage-commitments">
      <h3 id="stage-commitments-heading" className={styles.heading}>
        {strings.t("stage.commitments")}
      </h3>
      <ul className={styles.list}>
        {shown.map((commitment) => (
          <li key={commitment.commitmentId} className={styles.entry} data-testid="stage-commitment">
            <span className={styles.title}>{commitment.title}</span>
            <span className={styles.detail}>
              {ownerNames(strings, state, commitment.ownerIds)} · {strings.t("commitments.due", { date: formatDueDate(strings, commitment.dueDate) })}
            </span>
          </li>
        ))}
      </ul>
      {hidden > 0 ? <p className={styles.more}>{strings.plural("stage.commitmentsMore", hidden)}</p> : null}
    </section>
  );
}
