import { describe, expect, it } from "vitest";
import { DEV_TENANT_ID, participantFor, userIdFor, userPrincipalNameFor } from "./devIdentity.ts";
import { isUuid, uuidV5 } from "./nameBasedUuid.ts";

describe("simulated identities", () => {
  it("lives in one GUID-shaped dev tenant", () => {
    expect(isUuid(DEV_TENANT_ID)).toBe(true);
  });

  it("derives the user id from the name, so a reload keeps who everyone is", () => {
    expect(userIdFor("Avery Chen")).toBe(uuidV5(DEV_TENANT_ID, "avery chen"));
    expect(userIdFor("Avery Chen")).toBe(userIdFor("Avery Chen"));
  });

  it("treats names that differ only in case or spacing as the same person", () => {
    expect(userIdFor("  avery   CHEN ")).toBe(userIdFor("Avery Chen"));
    expect(userIdFor("Avery Chen")).not.toBe(userIdFor("Avery Chan"));
  });

  it("gives readable principal names, falling back to the user id for names without Latin letters", () => {
    expect(userPrincipalNameFor("Avery Chen")).toBe("avery.chen@concord-dev.test");
    expect(userPrincipalNameFor("Zoë O'Brien-Lévesque")).toBe("zoe.o.brien.levesque@concord-dev.test");
    expect(userPrincipalNameFor("李雷")).toBe(`user.${userIdFor("李雷").slice(0, 8)}@concord-dev.test`);
  });

  it("builds a participant with a cleaned display name", () => {
    expect(participantFor("  Blake   Okafor ", "presenter")).toEqual({
      displayName: "Blake Okafor",
      meetingRole: "presenter",
      userId: userIdFor("Blake Okafor"),
      userPrincipalName: "blake.okafor@concord-dev.test",
    });
  });
});
