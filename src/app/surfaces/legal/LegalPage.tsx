import { useEffect } from "react";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "../../i18n/strings.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { LegalPage as LegalPageName } from "../../surface.ts";
import type { LegalBlock, LegalDocument } from "./legalDocument.ts";
import { privacyStatement } from "./privacyStatement.ts";
import { termsOfUse } from "./termsOfUse.ts";

const documents: Record<LegalPageName, { path: string; text: Record<Locale, LegalDocument> }> = {
  privacy: { path: "/privacy", text: privacyStatement },
  terms: { path: "/terms", text: termsOfUse },
};

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "720px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  brand: { margin: 0, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  paragraph: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  footer: { paddingTop: tokens.spacingVerticalL, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

/** Props of {@link LegalPage}. */
export interface LegalPageProps {
  page: LegalPageName;
}

/**
 * The privacy statement or the terms of use, in the browser's language, with a link to the other.
 * Opened from the app's details in Teams, in an ordinary browser tab.
 */
export function LegalPage({ page }: LegalPageProps) {
  const styles = useStyles();
  const { locale } = useStrings();
  const text = documents[page].text[locale];
  const other = documents[page === "privacy" ? "terms" : "privacy"];

  useEffect(() => {
    document.title = `${text.title} · Concord`;
  }, [text.title]);

  return (
    <main className={styles.root} data-surface={page}>
      <p className={styles.brand}>Concord</p>
      <h1 className={styles.title}>{text.title}</h1>
      {renderBlocks(text.intro, styles)}
      {text.sections.map((section, index) => (
        <section key={index} className={styles.section} aria-labelledby={`legal-section-${index}`}>
          <h2 id={`legal-section-${index}`} className={styles.heading}>
            {section.heading}
          </h2>
          {renderBlocks(section.blocks, styles)}
        </section>
      ))}
      <footer className={styles.footer}>
        <Link href={other.path}>{other.text[locale].title}</Link>
      </footer>
    </main>
  );
}

function renderBlocks(blocks: readonly LegalBlock[], styles: Record<"paragraph" | "list", string>) {
  return blocks.map((block, index) =>
    typeof block === "string" ? (
      <p key={index} className={styles.paragraph}>
        {block}
      </p>
    ) : (
      <ul key={index} className={styles.list}>
        {block.map((item, itemIndex) => (
          <li key={itemIndex}>{item}</li>
        ))}
      </ul>
    ),
  );
}
