import { makeStyles, Spinner, tokens } from "@fluentui/react-components";

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
      <Spinner size="small" label={label} />
    </div>
  );
}
