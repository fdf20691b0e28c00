import { makeStyles, tokens } from "@fluentui/react-components";
import { LabelledSpinner } from "./LabelledSpinner.tsx";

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` },
});

/** Props of {@link LoadingState}. */
export interface LoadingStateProps {
  label: string;
}

/** A labelled spinner, so the wait is never a blank page. */
export function LoadingState({ label }: LoadingStateProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <LabelledSpinner label={label} />
    </div>
  );
}
