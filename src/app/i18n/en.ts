import type { commitmentsEn } from "./messages/commitments.en.ts";
import type { configEn } from "./messages/config.en.ts";
import { facilitationEn } from "./messages/facilitation.en.ts";
import type { facilitationControlsEn } from "./messages/facilitationControls.en.ts";
import type { meetingTabEn } from "./messages/meetingTab.en.ts";
import type { outsideTeamsEn } from "./messages/outsideTeams.en.ts";
import type { personalEn } from "./messages/personal.en.ts";
import { queueEn } from "./messages/queue.en.ts";
import type { queueControlsEn } from "./messages/queueControls.en.ts";
import type { stageEn } from "./messages/stage.en.ts";

/**
 * English strings the side panel needs to draw, loaded with the entry chunk. Together with the
 * messages other code adds when it loads (each surface's own, the speaking queue's and facilitation's
 * controls, commitments: see the *Messages.ts modules beside this one) they are the reference
 * catalog: its keys and `{placeholders}` define what every other catalog must provide. An object
 * value holds plural forms chosen by `Intl.PluralRules`.
 */
export const en = {
  "app.connectingToTeams": "Connecting to Microsoft Teams…",
  "app.loadingView": "Loading…",
  "app.loadFailedTitle": "Concord couldn't load",
  "app.loadFailedBody": "Part of Concord didn't download. Check your connection, then reload.",
  "app.reload": "Reload",

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
  "rejection.reason": "Concord's reason: {reason}",
  "ordinal": { one: "{count}st", two: "{count}nd", few: "{count}rd", other: "{count}th" },
  "participant.unknown": "Someone",

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
 * The whole English catalog: what the side panel draws with plus the messages added when the code
 * that shows them loads: the other surfaces' own, the speaking queue's and facilitation's controls,
 * and commitments (see the *Messages.ts modules beside this one).
 */
export type EnglishCatalog = typeof en &
  typeof meetingTabEn &
  typeof stageEn &
  typeof configEn &
  typeof personalEn &
  typeof outsideTeamsEn &
  typeof queueControlsEn &
  typeof facilitationControlsEn &
  typeof commitmentsEn;
