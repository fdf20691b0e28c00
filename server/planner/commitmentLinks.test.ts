import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tabCommitmentLinks, teamsCommitmentLinks } from "./commitmentLinks.ts";

const APP_ID = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const meetingId = Buffer.from("0#19:meeting_abc@thread.v2#1700000000000").toString("base64");

describe("links back to a commitment", () => {
  it("deep-links into the personal tab in Teams with the commitment as the sub-entity", () => {
    const link = teamsCommitmentLinks(APP_ID).linkTo({ meetingId, commitmentId: "c7" });
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/myCommitments`);
    expect(JSON.parse(url.searchParams.get("context")!)).toEqual({ subEntityId: `commitment/${encodeURIComponent(meetingId)}/c7` });
  });

  it("reads back the commitment any link names, and nothing from other URLs (property)", () => {
    const ids = fc.stringMatching(/^[\x21-\x7e]{1,64}$/);
    for (const links of [teamsCommitmentLinks(APP_ID), tabCommitmentLinks("https://concord.example/")]) {
      fc.assert(
        fc.property(ids, ids, (meeting, commitmentId) => {
          expect(links.commitmentOf(links.linkTo({ meetingId: meeting, commitmentId }))).toEqual({ meetingId: meeting, commitmentId });
        }),
      );
      expect(links.commitmentOf("https://contoso.example/decisions/42")).toBeNull();
    }
    expect(teamsCommitmentLinks(APP_ID).commitmentOf(teamsCommitmentLinks("another-app").linkTo({ meetingId, commitmentId: "c1" }))).toBeNull();
  });
});
