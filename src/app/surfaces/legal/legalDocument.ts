/** A paragraph, or a bulleted list when it is an array. */
export type LegalBlock = string | readonly string[];

/** A legal page's text in one language. */
export interface LegalDocument {
  title: string;
  intro: readonly LegalBlock[];
  sections: readonly { heading: string; blocks: readonly LegalBlock[] }[];
}
