import { describe, expect, it } from "vitest";
import { userIdFor } from "./devIdentity.ts";
import { DEFAULT_MEETING_ID } from "./meetingIds.ts";
import { DEFAULT_PARTICIPANTS, MAX_PARTICIPANTS, parseParticipants, parseSimulatorOptions, simulatorQuery } from "./simulatorOptions.ts";

describe("parseSimulatorOptions", () => {
  it("opens the default meeting with four people, light theme and English when the URL says nothing", () => {
    const { options, problems } = parseSimulatorOptions("");
    expect(problems).toEqual([]);
    expect(options.meetingId).toBe(DEFAULT_MEETING_ID);
    expect(options.theme).toBe("default");
    expect(options.locale).toBe("en-US");
    expect(options.participants.map((participant) => [participant.displayName, participant.meetingRole])).toEqual([
      ["Avery Chen", "organizer"],
      ["Blake Okafor", "presenter"],
      ["Casey Nguyen", "attendee"],
      ["Devon Tremblay", "attendee"],
    ]);
  });

  it("reads every parameter, ignoring case in theme and locale", () => {
    const { options, problems } = parseSimulatorOptions("?participants=Ana+Silva:Organizer,Ben+Ito&meeting=abc123&theme=DARK&locale=fr-ca");
    expect(problems).toEqual([]);
    expect(options).toMatchObject({ meetingId: "abc123", theme: "dark", locale: "fr-CA" });
    expect(options.participants).toEqual([
      expect.objectContaining({ displayName: "Ana Silva", meetingRole: "organizer", userId: userIdFor("Ana Silva") }),
      expect.objectContaining({ displayName: "Ben Ito", meetingRole: "attendee" }),
    ]);
  });

  it("names each unusable value and carries on with the rest", () => {
    const { options, problems } = parseSimulatorOptions(
      new URLSearchParams({ participants: "Ana Silva:organizer,Bob:host", meeting: "has space", theme: "purple", locale: "de-DE" }),
    );
    expect(options.participants.map((participant) => participant.displayName)).toEqual(["Ana Silva"]);
    expect(options).toMatchObject({ meetingId: DEFAULT_MEETING_ID, theme: "default", locale: "en-US" });
    expect(problems.map((problem) => problem.parameter)).toEqual(["participants", "meeting", "theme", "locale"]);
    const [participantsProblem, meetingProblem, themeProblem, localeProblem] = problems.map((problem) => problem.message);
    expect(participantsProblem).toBe('"Bob:host": the role must be organizer, presenter or attendee');
    expect(meetingProblem).toBe('"has space" must be printable ASCII without spaces; the default dev meeting is open instead');
    expect(themeProblem).toBe('"purple" is not one of default, dark, contrast; using default');
    expect(localeProblem).toBe('"de-DE" is not one of en-US, fr-CA; using en-US');
  });

  it("falls back to the default four when no participant is usable, and says so", () => {
    const { options, problems } = parseSimulatorOptions("?participants=:presenter");
    expect(options.participants).toHaveLength(4);
    expect(problems.map((problem) => problem.message)).toEqual([
      '":presenter": the name is missing (write Name:role)',
      "no usable participant was given, so the default four are shown",
    ]);
  });
});

describe("parseParticipants", () => {
  it("accepts commas or new lines and skips empty entries", () => {
    const { participants, problems } = parseParticipants("Ana:presenter,\n\nBen:attendee,");
    expect(problems).toEqual([]);
    expect(participants.map((participant) => participant.displayName)).toEqual(["Ana", "Ben"]);
  });

  it("keeps a colon inside a name, splitting at the last one", () => {
    expect(parseParticipants("Dr: Who:presenter").participants[0]).toMatchObject({ displayName: "Dr: Who", meetingRole: "presenter" });
  });

  it("refuses the same person twice, however the name is spaced or cased", () => {
    const { participants, problems } = parseParticipants("Avery Chen:organizer,avery  CHEN:attendee");
    expect(participants).toHaveLength(1);
    expect(problems).toEqual(['"avery  CHEN:attendee": the same person as "Avery Chen" (names are compared ignoring case and spacing)']);
  });

  it("refuses names the server would refuse", () => {
    const { participants, problems } = parseParticipants(`${"x".repeat(121)}:attendee,Tab\tName:attendee`);
    expect(participants).toEqual([]);
    expect(problems[0]).toContain("longer than 120 characters");
    expect(problems[1]).toContain("control characters");
  });

  it(`simulates at most ${MAX_PARTICIPANTS} people and names the ones left out`, () => {
    const names = Array.from({ length: MAX_PARTICIPANTS + 2 }, (_, index) => `Person ${index + 1}`);
    const { participants, problems } = parseParticipants(names.join(","));
    expect(participants).toHaveLength(MAX_PARTICIPANTS);
    expect(problems).toEqual([`at most ${MAX_PARTICIPANTS} participants are simulated; left out: Person 13, Person 14`]);
  });
});

describe("simulatorQuery", () => {
  it("builds a query the page reads back as the same options", () => {
    const query = simulatorQuery({
      participants: [
        { displayName: "Zoë Ærø", meetingRole: "organizer" },
        { displayName: "Ben & Jerry", meetingRole: "attendee" },
      ],
      meetingId: "MCMx+/=",
      theme: "contrast",
      locale: "fr-CA",
    });
    const { options, problems } = parseSimulatorOptions(query);
    expect(problems).toEqual([]);
    expect(options.participants.map((participant) => participant.displayName)).toEqual(["Zoë Ærø", "Ben & Jerry"]);
    expect(options).toMatchObject({ meetingId: "MCMx+/=", theme: "contrast", locale: "fr-CA" });
  });

  it("is empty when nothing is asked for, and passes a participants string through", () => {
    expect(simulatorQuery({})).toBe("");
    expect(parseSimulatorOptions(simulatorQuery({ participants: DEFAULT_PARTICIPANTS })).options.participants).toHaveLength(4);
  });
});
