/**
 * English messages of the configuration page. Not in the entry catalog: ../configMessages.ts adds them
 * when that page's code loads.
 */
export const configEn = {
  "config.titleMeeting": "Add Concord to this meeting",
  "config.titleChat": "Add Concord to this chat",
  "config.titleTeam": "Add Concord to this team",
  "config.intro":
    "Concord gives your meetings a fair speaking queue. During a meeting, participants open Concord in the side panel to raise their hand, add a topic and see their place in line.",
  "config.facilitators":
    "The organizer and presenters facilitate: they give the floor in order and can end a turn. The current speaker and the queue can be shown on the meeting stage for the whole room.",
  "config.save": "Select Save to add the tab.",
} as const;
