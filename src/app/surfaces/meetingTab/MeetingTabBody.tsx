import { useState, type ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { isPresent, powersOf } from "../../../domain/roles/holders.ts";
import type { MeetingState } from "../../../domain/meeting/state.ts";
import type { Viewer } from "../../../protocol/messages.ts";
import { getAuthToken } from "../../../teams/authToken.ts";
import { AgendaBuilder } from "../../components/agenda/AgendaBuilder.tsx";
import { CharterPanel } from "../../components/agenda/CharterPanel.tsx";
import { JoinNotice } from "../../components/agenda/JoinNotice.tsx";
import { PreworkPanel } from "../../components/agenda/PreworkPanel.tsx";
import { SummaryPanel } from "../../components/agenda/SummaryPanel.tsx";
import { CommitmentsOverview } from "../../components/commitments/CommitmentsOverview.tsx";
import type { Commands } from "../../hooks/useCommands.ts";
import type { TextKey } from "../../i18n/catalog.ts";
import { useStrings } from "../../i18n/useStrings.ts";
import type { ServerClock } from "../../realtime/serverClock.ts";
import { MeetingOverview } from "./MeetingOverview.tsx";
import { SectionTabs } from "./SectionTabs.tsx";

const SECTIONS = ["agenda", "charter", "prework", "summary", "commitments", "people"] as const;
type Section = (typeof SECTIONS)[number];
const SECTION_LABELS = {
  agenda: "facilitation.agenda",
  charter: "tab.charter",
  prework: "tab.prework",
  summary: "tab.summary",
  commitments: "tab.commitments",
  people: "tab.people",
} as const satisfies Record<Section, TextKey>;

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  panel: { paddingTop: tokens.spacingVerticalS },
});

/** Props of {@link MeetingTabBody}. */
export interface MeetingTabBodyProps {
  state: MeetingState;
  viewer: Viewer;
  serverOffsetMs: number;
  serverClock: ServerClock;
  commands: Commands;
}

/**
 * The meeting tab once connected: agenda, charter, pre-work, summary and people, one tab each.
 * What the viewer may change comes from `powersOf`; nothing changes once the meeting has ended.
 * Every panel stays mounted so a half-typed form survives a look at another tab.
 */
export function MeetingTabBody({ state, viewer, serverOffsetMs, serverClock, commands }: MeetingTabBodyProps) {
  const styles = useStyles();
  const strings = useStrings();
  const [section, setSection] = useState<Section>(() => (state.facilitation.status === "ended" ? "summary" : "agenda"));
  const me = viewer.userId;
  const powers = powersOf(state, me);
  const isJoined = isPresent(state, me);
  const isOpen = state.facilitation.status !== "ended";

  const panels: Record<Section, ReactNode> = {
    agenda: <AgendaBuilder state={state} canEdit={powers.canEditAgenda && isOpen} commands={commands} getToken={getAuthToken} />,
    charter: (
      <CharterPanel
        state={state}
        viewerId={me}
        canEdit={powers.canEditCharter && isOpen}
        isJoined={isJoined}
        canAssignRoles={powers.canAssignRoles && isOpen}
        commands={commands}
      />
    ),
    prework: (
      <PreworkPanel
        state={state}
        viewerId={me}
        canContribute={isJoined && isOpen}
        canSeeCompleteness={powers.canFacilitate}
        canMarkAssumptions={powers.canMarkAssumptions}
        commands={commands}
      />
    ),
    summary: <SummaryPanel state={state} serverClock={serverClock} viewerId={me} canFacilitate={powers.canFacilitate} commands={commands} />,
    commitments: <CommitmentsOverview state={state} viewerId={me} serverClock={serverClock} />,
    people: <MeetingOverview state={state} serverOffsetMs={serverOffsetMs} />,
  };

  return (
    <div className={styles.body} data-testid="meeting-tab-body" data-viewer-id={me}>
      {isJoined ? null : <JoinNotice commands={commands} />}
      <SectionTabs
        sections={SECTIONS}
        selected={section}
        label={strings.t("tab.sections")}
        labelOf={(value) => strings.t(SECTION_LABELS[value])}
        tabId={(value) => `meeting-tab-${value}`}
        panelId={(value) => `meeting-panel-${value}`}
        onSelect={setSection}
      />
      {SECTIONS.map((value) => (
        <div
          key={value}
          id={`meeting-panel-${value}`}
          role="tabpanel"
          aria-labelledby={`meeting-tab-${value}`}
          hidden={value !== section}
          className={styles.panel}
          data-testid={`panel-${value}`}
        >
          {panels[value]}
        </div>
      ))}
    </div>
  );
}
