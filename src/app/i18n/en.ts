import type { commitmentsEn } from "./messages/commitments.en.ts";
import { facilitationEn } from "./messages/facilitation.en.ts";
import type { meetingTabEn } from "./messages/meetingTab.en.ts";
import { queueEn } from "./messages/queue.en.ts";
import type { queueControlsEn } from "./messages/queueControls.en.ts";

/**
 * English strings every surface needs, loaded with the entry chunk. Together with the meeting tab's
 * messages (added by that surface's chunk, see meetingTabMessages.ts) they are the reference
 * catalog: its keys and `{placeholders}` define what every other catalog must provide. An object
 * value holds plural forms chosen by `Intl.PluralRules`.
 */
export const en = {
  "app.connectingToTeams": "Connecting to Microsoft Teams…",
  "app.loadingView": "Loading…",
  "app.loadFailedTitle": "Concord couldn't load",
  "app.loadFailedBody": "Part of Concord didn't download. Check your connection, then reload.",
  "app.reload": "Reload",

  "outside.title": "Concord runs inside Microsoft Teams",
  "outside.body":
    "Concord keeps meetings fair and focused: participants raise their hand, see their place in line, and the facilitator gives the floor in order. Open it from a Teams meeting: in the side panel, on the meeting stage or in the meeting chat.",
  "outside.reason.noHost": "This page was opened directly in a browser, so there is no meeting to connect to.",
  "outside.reason.timeout": "This page is inside a frame that isn't Microsoft Teams, and that frame didn't answer.",
  "outside.reason.failed": "Microsoft Teams didn't give Concord the details it needs. Close Concord and open it again.",
  "outside.devTitle": "Running Concord locally?",
  "outside.devBody": "This server is in development mode. The meeting simulator shows several participants' side panels and the meeting stage on one page.",
  "outside.devLink": "Open the meeting simulator",

  "unsupportedFrame.title": "Nothing to show here",
  "unsupportedFrame.body": "Concord isn't made for this part of Teams ({frame}). Open it from a meeting's side panel, the meeting stage or the meeting chat.",
  "noMeeting.title": "Open Concord from a meeting",
  "noMeeting.body": "This view belongs to a Teams meeting. Open Concord from the meeting's side panel or its chat.",

  "connection.connecting": "Connecting…",
  "connection.open": "Live",
  "connection.reconnecting": "Reconnecting…",
  "connection.forbidden": "No access",
  "connection.unsupported": "Update needed",
  "connection.stopped": "Disconnected",
  "connection.label": "Connection status: {status}",
  "connection.loadingMeeting": "Loading the meeting…",
  "connection.tokenProblem": "Teams couldn't sign you in to Concord. Trying again…",
  "connection.lostProblem": "Concord can't be reached right now. Trying again…",
  "connection.signInProblem": "Concord couldn't confirm who you are. Trying again with a fresh sign-in…",
  "forbidden.title": "You're not a participant in this meeting",
  "forbidden.body": "Concord shows a meeting only to the people in it. If you should be here, ask the organizer to invite you, then open Concord again.",
  "unsupported.title": "Concord has been updated",
  "unsupported.body": "This window is running an older version of Concord. Reload to continue.",

  "sidePanel.title": "Speaking queue",
  "speaker.heading": "Speaking now",
  "speaker.nobody": "Nobody has the floor.",
  "speaker.speakingFor": "Speaking for {time}",
  "speaker.yield": "Yield the floor",
  "join.explanation": "Join to raise your hand and see your place in line. People in this meeting will see your name in Concord.",
  "join.button": "Join",
  "me.heading": "You",
  "me.inLine": "You are {place} in line",
  "me.notRaised": "Your hand is not raised",
  "me.speaking": "You have the floor",
  "raise.topicLabel": "Topic (optional)",
  "raise.topicPlaceholder": "What do you want to bring up?",
  "raise.topicRemaining": { one: "{count} character left", other: "{count} characters left" },
  "raise.button": "Raise hand",
  "queue.heading": "In line",
  "queue.count": { one: "{count} person waiting", other: "{count} people waiting" },
  "queue.empty": "No hands raised.",
  "queue.you": "You",
  "queue.next": "Next",
  "facilitator.heading": "Facilitator",
  "facilitator.grant": "Give the floor to {name}",
  "facilitator.nobodyWaiting": "Nobody is waiting to speak.",
  "facilitator.endTurn": "End turn",
  "leave.button": "Leave meeting",
  "leave.explanation": "Leaving lowers your hand and ends your turn if you have the floor.",
  "rejection.title": "That didn't work",
  "rejection.dismiss": "Dismiss",
  "ordinal": { one: "{count}st", two: "{count}nd", few: "{count}rd", other: "{count}th" },
  "participant.unknown": "Someone",

  "stage.speakingNow": "Speaking now",
  "stage.floorOpen": "The floor is open",
  "stage.howToRaise": "To speak, open Concord in the meeting side panel and select Raise hand.",
  "stage.upNext": "Up next",
  "stage.nobodyWaiting": "Nobody is waiting to speak.",
  "stage.assumptions": { one: "{count} assumption", other: "{count} assumptions" },
  "stage.assumptionTally.untested": { one: "{count} untested", other: "{count} untested" },
  "stage.assumptionTally.supported": { one: "{count} supported", other: "{count} supported" },
  "stage.assumptionTally.challenged": { one: "{count} challenged", other: "{count} challenged" },
  "stage.moreAssumptions": { one: "+ {count} more assumption", other: "+ {count} more assumptions" },
  "stage.moreWaiting": { one: "+ {count} more person waiting", other: "+ {count} more people waiting" },

  "meetingTab.title": "Meeting overview",
  "meetingTab.participants": "Participants",
  "meetingTab.presentCount": { one: "{count} present", other: "{count} present" },
  "meetingTab.nobodyPresent": "Nobody has joined Concord in this meeting yet.",
  "meetingTab.speaking": "Speaking",
  "meetingTab.inLine": "{place} in line",
  "meetingTab.leftCount": { one: "{count} person has left", other: "{count} people have left" },
  "role.organizer": "Organizer",
  "role.presenter": "Presenter",
  "role.attendee": "Attendee",

  "config.titleMeeting": "Add Concord to this meeting",
  "config.titleChat": "Add Concord to this chat",
  "config.titleTeam": "Add Concord to this team",
  "config.intro":
    "Concord gives your meetings a fair speaking queue. During a meeting, participants open Concord in the side panel to raise their hand, add a topic and see their place in line.",
  "config.facilitators":
    "The organizer and presenters facilitate: they give the floor in order and can end a turn. The current speaker and the queue can be shown on the meeting stage for the whole room.",
  "config.save": "Select Save to add the tab.",

  "personal.title": "My commitments",
  "personal.body": "When you take on a commitment in a Concord meeting, it will appear here, together with your commitments from your other meetings.",
  "personal.empty": "You have no commitments yet.",

  "rejection.invalidMessage": "Concord didn't understand that request. Reload Concord and try again.",
  "rejection.unsupportedProtocol": "This version of Concord is out of date. Reload to continue.",
  "rejection.notJoined": "Join the meeting first.",
  "rejection.forbidden": "You don't have permission to do that.",
  "rejection.alreadyQueued": "Your hand is already raised.",
  "rejection.notQueued": "That hand is no longer raised.",
  "rejection.queueEmpty": "Nobody is waiting to speak.",
  "rejection.stale": "The room moved on before your action arrived. Check where things are and try again.",
  "rejection.notFound": "That item no longer exists. It may have just been removed.",
  "rejection.invalidState": "That can't be done at this point in the meeting.",
  "rejection.invalidInput": "Some of what you entered isn't valid. Check it and try again.",
  "rejection.limitReached": "This meeting has reached Concord's limit for that.",
  "rejection.unknownParticipant": "That person hasn't joined Concord in this meeting.",
  "rejection.noSpeaker": "Nobody has the floor.",
  "rejection.queueClosed": "The queue is closed. Only points of order can be raised.",
  "rejection.noRound": "No round is under way.",
  "rejection.roundInProgress": "A round is already under way.",
  "rejection.rateLimited": "Too many actions at once. Wait a moment, then try again.",
  "rejection.unknownMeeting": "Concord can't find this meeting.",
  "rejection.internal": "Something went wrong on Concord's side. Try again in a moment.",
  "error.disconnected": "Concord isn't connected to the meeting, so that didn't go through.",
  "error.unexpected": "Something went wrong. Try again.",
  // each feature keeps its messages in messages/<feature>.en.ts so features can grow independently
  ...facilitationEn,
  ...queueEn,
} as const;

/**
 * The whole English catalog: what every surface needs plus the meeting tab's own messages and the
 * speaking queue's controls and commitments (added when their code loads, see queueControlsMessages.ts
 * and commitmentsMessages.ts).
 */
export type EnglishCatalog = typeof en & typeof meetingTabEn & typeof queueControlsEn & typeof commitmentsEn;
