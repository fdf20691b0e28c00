/**
 * English messages of the page shown outside Teams. Not in the entry catalog: ../outsideTeamsMessages.ts
 * adds them when that page's code loads.
 */
export const outsideTeamsEn = {
  "outside.title": "Concord runs inside Microsoft Teams",
  "outside.body":
    "Concord keeps meetings fair and focused: participants raise their hand, see their place in line, and the facilitator gives the floor in order. Open it from a Teams meeting: in the side panel, on the meeting stage or in the meeting chat.",
  "outside.reason.noHost": "This page was opened directly in a browser, so there is no meeting to connect to.",
  "outside.reason.timeout": "This page is inside a frame that isn't Microsoft Teams, and that frame didn't answer.",
  "outside.reason.failed": "Microsoft Teams didn't give Concord the details it needs. Close Concord and open it again.",
  "outside.devTitle": "Running Concord locally?",
  "outside.devBody": "This server is in development mode. The meeting simulator shows several participants' side panels and the meeting stage on one page.",
  "outside.devLink": "Open the meeting simulator",
} as const;
