import "./facilitationControlsMessages.ts";
import { meetingTabEn } from "./messages/meetingTab.en.ts";
import { addEnglishMessages } from "./strings.ts";

// Imported by the meeting tab's chunk (and tests of its components): the agenda builder's English
// messages load with it instead of with every surface. The agenda's views also show facilitation's
// phase hints, statuses and parking lot, whose messages load with the facilitation controls.
addEnglishMessages(meetingTabEn);
