import { makeStyles, tokens } from "@fluentui/react-components";

/** The stage's panels: large, rounded, readable across a room at 1280×720 and up. */
export const useStagePanelStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: "2vh",
    padding: "4vh 3vw",
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    minWidth: 0,
    boxSizing: "border-box",
  },
  compactPanel: { gap: "1.2vh", padding: "2.4vh 2vw" },
});
