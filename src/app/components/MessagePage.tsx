import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "560px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
  },
  icon: { fontSize: "40px", color: tokens.colorBrandForeground1, lineHeight: 1 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

/** Props of {@link MessagePage}. */
export interface MessagePageProps {
  title: string;
  icon?: ReactNode;
  children?: ReactNode;
  /** The page's main heading level: 1 when it is the whole surface, 2 inside a surface that has its own title. */
  headingLevel?: 1 | 2;
}

/** A full-width explanation with a heading: used wherever a surface has nothing else to show. */
export function MessagePage({ title, icon, children, headingLevel = 1 }: MessagePageProps) {
  const styles = useStyles();
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section className={styles.root}>
      {icon ? (
        <span className={styles.icon} aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <Heading className={styles.title}>{title}</Heading>
      <div className={styles.body}>{children}</div>
    </section>
  );
}
