import { useEffect, useId, useRef, useState } from "react";
import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import { assumptionsForItem, dataLinksForItem } from "../../../domain/prework/selectors.ts";
import type { AgendaItem, MeetingState } from "../../../domain/meeting/state.ts";
import type { Commands } from "../../hooks/useCommands.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import { participantName } from "../participantName.ts";
import { useAgendaStyles } from "./agendaStyles.ts";
import { AssumptionEntry } from "./AssumptionEntry.tsx";
import { AssumptionForm } from "./AssumptionForm.tsx";
import type { AssumptionValues } from "./assumptionDraft.ts";
import { DataLinkForm } from "./DataLinkForm.tsx";
import { AddIcon, DeleteIcon, LinkIcon } from "./agendaIcons.ts";

const useStyles = makeStyles({
  columns: { display: "grid", gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)", gap: tokens.spacingHorizontalXXL, alignItems: "start" },
  link: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  linkIcon: { flexShrink: 0, color: tokens.colorNeutralForeground3 },
  anchor: { overflowWrap: "anywhere" },
});

/** Props of {@link ItemPrework}. */
export interface ItemPreworkProps {
  state: MeetingState;
  item: AgendaItem;
  viewerId: string;
  /** Whether the viewer may add pre-work to this item now (joined, item not finished, meeting not ended). */
  canContribute: boolean;
  /** Whether the viewer may mark this item's assumptions now (its diagnose phase is running). */
  canMark: boolean;
  commands: Commands;
}

/** One item's pre-work: everyone's assumptions and data links, and the forms to add one's own. */
export function ItemPrework({ state, item, viewerId, canContribute, canMark, commands }: ItemPreworkProps) {
  const styles = useStyles();
  const shared = useAgendaStyles();
  const strings = useStrings();
  const [form, setForm] = useState<"none" | "assumption" | "link">("none");
  const headingId = useId();
  const assumptionButton = useRef<HTMLButtonElement>(null);
  const linkButton = useRef<HTMLButtonElement>(null);
  const closedForm = useRef<"none" | "assumption" | "link">("none");
  const assumptions = assumptionsForItem(state, item.itemId);
  const links = dataLinksForItem(state, item.itemId);
  const unknown = strings.t("participant.unknown");

  useEffect(() => {
    if (form !== "none") closedForm.current = form;
    else if (closedForm.current === "assumption") assumptionButton.current?.focus();
    else if (closedForm.current === "link") linkButton.current?.focus();
  }, [form]);

  const handleAddAssumption = async ({ statement, evidence, dataLink, confidence }: AssumptionValues) => {
    const payload = { itemId: item.itemId, statement, confidence, ...(evidence ? { evidence } : {}), ...(dataLink ? { dataLink } : {}) };
    const isAdded = await commands.send({ type: "prework.addAssumption", payload });
    if (isAdded) setForm("none");
    return isAdded;
  };
  const handleAddLink = async ({ url, label }: { url: string; label: string }) => {
    const isAdded = await commands.send({ type: "prework.addDataLink", payload: { itemId: item.itemId, url, ...(label ? { label } : {}) } });
    if (isAdded) setForm("none");
    return isAdded;
  };

  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="prework-item" data-item-id={item.itemId}>
      <h2 id={headingId} className={shared.heading}>
        {item.title}
      </h2>
      <div className={styles.columns}>
        <div className={shared.section}>
          <h3 className={shared.subheading}>{strings.t("prework.assumptions")}</h3>
          {assumptions.length === 0 ? <p className={shared.secondary}>{strings.t("prework.noAssumptions")}</p> : null}
          <ul className={shared.list}>
            {assumptions.map((assumption) => (
              <AssumptionEntry
                key={assumption.assumptionId}
                state={state}
                assumption={assumption}
                canChange={canContribute && assumption.authorId === viewerId}
                canMark={canMark}
                commands={commands}
              />
            ))}
          </ul>
          {canContribute && form === "assumption" ? (
            <AssumptionForm
              assumption={null}
              heading={strings.t("prework.addAssumption")}
              isBusy={commands.isInFlight("prework.addAssumption")}
              onSubmit={handleAddAssumption}
              onCancel={() => setForm("none")}
            />
          ) : canContribute ? (
            <div>
              <Button ref={assumptionButton} icon={<AddIcon />} onClick={() => setForm("assumption")} data-testid="add-assumption-button">
                {strings.t("prework.addAssumption")}
              </Button>
            </div>
          ) : null}
        </div>
        <div className={shared.section}>
          <h3 className={shared.subheading}>{strings.t("prework.links")}</h3>
          {links.length === 0 ? <p className={shared.secondary}>{strings.t("prework.noLinks")}</p> : null}
          <ul className={shared.list}>
            {links.map((link) => (
              <li key={link.linkId} className={styles.link} data-testid="data-link" data-link-id={link.linkId} data-author-id={link.authorId}>
                <LinkIcon className={styles.linkIcon} aria-hidden />
                <Link className={styles.anchor} href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.label || link.url}
                </Link>
                <span className={shared.secondary}>{strings.t("prework.by", { name: participantName(state, link.authorId, unknown) })}</span>
                {canContribute && link.authorId === viewerId ? (
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteIcon />}
                    disabledFocusable={commands.isInFlight("prework.removeDataLink")}
                    onClick={() => void commands.send({ type: "prework.removeDataLink", payload: { linkId: link.linkId } })}
                    data-testid="data-link-remove"
                  >
                    {strings.t("action.remove")}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          {canContribute && form === "link" ? (
            <DataLinkForm isBusy={commands.isInFlight("prework.addDataLink")} onSubmit={handleAddLink} onCancel={() => setForm("none")} />
          ) : canContribute ? (
            <div>
              <Button ref={linkButton} icon={<LinkIcon />} onClick={() => setForm("link")} data-testid="add-link-button">
                {strings.t("prework.addLink")}
              </Button>
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}
