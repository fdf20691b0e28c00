import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MeetingRole } from "../../src/protocol/ids.ts";
import type { ErrorBody } from "../../src/protocol/rest.ts";
import type { PlannerBucketResponse, PlannerBucketsResponse, PlannerPlansResponse, PlannerTargetResponse } from "../../src/protocol/plannerRest.ts";
import type { ServerMessage } from "../../src/protocol/messages.ts";
import { chosenPlannerTarget } from "../../src/domain/commitments/plannerTarget.ts";
import { fetchPlannerPlans, fetchPlannerTarget, type PlannerCaller } from "../../src/app/api/planner.ts";
import { NEW_BUCKET, saveTargetChoice, targetChoiceOf } from "../../src/app/surfaces/config/configSave.ts";
import { createTokenVerifier } from "../../server/auth/entraTokenVerifier.ts";
import { createInProcessBus } from "../../server/bus/inProcessBus.ts";
import { startPlannerEmulator, type RunningPlannerEmulator } from "../../server/dev/planner/plannerEmulator.ts";
import type { PlannerSeed } from "../../server/dev/planner/seed.ts";
import { silentLogger } from "../../server/logger.ts";
import { createGraphClient } from "../../server/planner/graphClient.ts";
import { PlannerApi } from "../../server/planner/plannerApi.ts";
import { startServer, type RunningServer } from "../../server/server.ts";
import type { PlannerTargetStore } from "../../server/store/plannerTargetStore.ts";
import { createSqliteEventStore } from "../../server/store/sqlite/sqliteEventStore.ts";
import { createSqlitePlannerTargetStore } from "../../server/store/sqlite/sqlitePlannerTargetStore.ts";
import { person, type TestPerson } from "../fixtures/testServer.ts";
import { startTestIdentityProvider, TEST_TENANTS, type TestIdentityProvider } from "../fixtures/tokens.ts";
import { TestClient } from "../fixtures/wsClient.ts";

// The meeting's space is its chat thread: the next occurrence in the same chat shares the target.
const meetingIn = (chat: string, post: number) => Buffer.from(`0#19:meeting_${chat}@thread.v2#${post}`).toString("base64");
const MEETING = meetingIn("strategy", 1);

const IDS = {
  leadershipGroup: "b1e5c0de-1ead-4e55-8000-000000000001",
  boardGroup: "b1e5c0de-1ead-4e55-8000-000000000002",
  fabrikamGroup: "b1e5c0de-1ead-4e55-8000-000000000003",
  strategyPlan: "StrategyPlanIntegration00001",
  boardPlan: "BoardPlanIntegration00000002",
  fabrikamPlan: "FabrikamPlanIntegration00003",
  commitmentsBucket: "CommitmentsBucketIntegration1",
  boardBucket: "BoardBucketIntegration000002",
} as const;

/** Someone outside the board group: the plan of that group exists, but not for the people in these tests. */
const BOARD_MEMBER = "0b0a4d00-0000-4000-8000-00000000b0a4";

const SEED: PlannerSeed = {
  groups: [
    { id: IDS.leadershipGroup, displayName: "Leadership team", tenantId: TEST_TENANTS.contoso, members: "allUsersInTenant" },
    { id: IDS.boardGroup, displayName: "Board", tenantId: TEST_TENANTS.contoso, members: [BOARD_MEMBER] },
    { id: IDS.fabrikamGroup, displayName: "Fabrikam leadership", tenantId: TEST_TENANTS.fabrikam, members: "allUsersInTenant" },
  ],
  plans: [
    { id: IDS.strategyPlan, groupId: IDS.leadershipGroup, title: "Strategy 2027" },
    { id: IDS.boardPlan, groupId: IDS.boardGroup, title: "Board matters" },
    { id: IDS.fabrikamPlan, groupId: IDS.fabrikamGroup, title: "Fabrikam plan" },
  ],
  buckets: [
    { id: IDS.commitmentsBucket, planId: IDS.strategyPlan, name: "Commitments" },
    { id: IDS.boardBucket, planId: IDS.boardPlan, name: "Board actions" },
  ],
};

interface Harness {
  server: RunningServer;
  emulator: RunningPlannerEmulator;
  idp: TestIdentityProvider;
  targets: PlannerTargetStore;
  seat(meetingId: string, who: TestPerson, role: MeetingRole): void;
  /** The tab's own Planner client, asking the server as `who` does. */
  caller(who: TestPerson): PlannerCaller;
  /** A socket in the meeting as `who`, folding its events as a side panel does. */
  join(who: TestPerson): Promise<TestClient>;
  call<T>(who: TestPerson, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** The real server with real SQLite and the real Graph client talking to the Planner emulator, as each caller. */
async function startHarness(): Promise<Harness> {
  const idp = await startTestIdentityProvider();
  const emulator = await startPlannerEmulator({ port: 0, seed: SEED });
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "concord-planner-target-"));
  const filename = path.join(directory, "concord.sqlite");
  const targets = await createSqlitePlannerTargetStore({ filename: path.join(directory, "targets.sqlite") });
  const roster = new Map<string, MeetingRole>();
  const server = await startServer({
    mode: "development",
    host: "127.0.0.1",
    port: 0,
    clientDir: path.join(directory, "no-client"),
    heartbeatIntervalMs: 30_000,
    store: await createSqliteEventStore({ filename }),
    bus: createInProcessBus(),
    verifier: createTokenVerifier(idp.verifierOptions()),
    roleResolver: { resolve: ({ tenantId, meetingId, userId }) => Promise.resolve(roster.get(`${tenantId} ${meetingId} ${userId}`) ?? null) },
    clock: { now: () => Date.now() },
    logger: silentLogger,
    planner: {
      targets,
      plannerFor: (caller) =>
        new PlannerApi(
          createGraphClient({ baseUrl: emulator.graphBaseUrl, token: () => emulator.issueToken({ kind: "delegated", ...caller }) }),
          emulator.graphBaseUrl,
        ),
      now: () => 1_750_000_000_000,
    },
  });
  return {
    server,
    emulator,
    idp,
    targets,
    seat: (meetingId, who, role) => roster.set(`${who.tenantId} ${meetingId} ${who.userId}`, role),
    caller: (who) => ({ meetingId: MEETING, origin: server.url, getToken: () => idp.mint({ tid: who.tenantId, oid: who.userId, name: who.displayName }) }),
    async join(who) {
      const client = await TestClient.connect(server.url, await idp.mint({ tid: who.tenantId, oid: who.userId, name: who.displayName }));
      await client.hello(MEETING);
      const joined = await client.command({ type: "meeting.join", payload: {} });
      if (joined.type !== "ack") throw new Error(`${who.displayName} could not join: ${joined.message}`);
      return client;
    },
    async call<T>(who: TestPerson, method: string, url: string, body?: unknown) {
      const token = await idp.mint({ tid: who.tenantId, oid: who.userId, name: who.displayName });
      const response = await fetch(`${server.url}/api/meetings/${encodeURIComponent(MEETING)}/planner${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    async close() {
      await server.close();
      await targets.close();
      await emulator.close();
      await idp.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

let harness: Harness;
let organizer: TestPerson;
let attendee: TestPerson;
beforeEach(async () => {
  harness = await startHarness();
  organizer = person("Olive Organizer");
  attendee = person("Casey Attendee");
  harness.seat(MEETING, organizer, "organizer");
  harness.seat(MEETING, attendee, "attendee");
});
afterEach(async () => {
  await harness.close();
});

const errorOf = (body: unknown) => (body as ErrorBody).error;

describe("choosing where a space's commitments go in Planner", () => {
  it("lists what the organizer can reach, saves a checked target with Planner's names, and shows it to the room", async () => {
    const plans = await harness.call<PlannerPlansResponse>(organizer, "GET", "/plans");
    expect(plans.status).toBe(200);
    // the board's plan exists in the tenant, but the organizer is not in its group
    expect(plans.body.plans).toEqual([{ id: IDS.strategyPlan, title: "Strategy 2027" }]);

    const buckets = await harness.call<PlannerBucketsResponse>(organizer, "GET", `/plans/${IDS.strategyPlan}/buckets`);
    expect(buckets.body.buckets).toEqual([{ id: IDS.commitmentsBucket, name: "Commitments" }]);

    expect((await harness.call<PlannerTargetResponse>(attendee, "GET", "/target")).body).toEqual({ target: null, canChange: false });
    const saved = await harness.call<PlannerTargetResponse>(organizer, "PUT", "/target", { planId: IDS.strategyPlan, bucketId: IDS.commitmentsBucket });
    expect(saved.status).toBe(200);
    const expected = { planId: IDS.strategyPlan, planName: "Strategy 2027", bucketId: IDS.commitmentsBucket, bucketName: "Commitments", setBy: organizer.userId, setAt: 1_750_000_000_000 };
    expect(saved.body).toEqual({ target: expected, canChange: true });
    expect(await harness.call<PlannerTargetResponse>(attendee, "GET", "/target")).toEqual({ status: 200, body: { target: expected, canChange: false } });
  });

  it("creates a bucket for the meeting series and can change the target to it later", async () => {
    await harness.call(organizer, "PUT", "/target", { planId: IDS.strategyPlan, bucketId: IDS.commitmentsBucket });
    const created = await harness.call<PlannerBucketResponse>(organizer, "POST", `/plans/${IDS.strategyPlan}/buckets`, { name: "  Leadership offsite  " });
    expect(created.status).toBe(201);
    expect(created.body.bucket.name).toBe("Leadership offsite");
    expect(harness.emulator.emulator.snapshot().buckets.map((bucket) => bucket["name"])).toContain("Leadership offsite");

    const changed = await harness.call<PlannerTargetResponse>(organizer, "PUT", "/target", { planId: IDS.strategyPlan, bucketId: created.body.bucket.id });
    expect(changed.body.target).toMatchObject({ bucketId: created.body.bucket.id, bucketName: "Leadership offsite" });
  });

  it("refuses a plan or bucket the organizer cannot reach, naming the field, and saves nothing", async () => {
    const unreachable = await harness.call(organizer, "PUT", "/target", { planId: IDS.boardPlan, bucketId: IDS.boardBucket });
    expect(unreachable.status).toBe(403);
    expect(errorOf(unreachable.body)).toMatchObject({ code: "plannerForbidden", fields: [{ path: "body.planId" }] });
    expect(errorOf(unreachable.body).message).toMatch(/^planId: you cannot reach plan BoardPlanIntegration00000002/);

    const unknown = await harness.call(organizer, "PUT", "/target", { planId: "NoSuchPlanAnywhere000000001", bucketId: IDS.commitmentsBucket });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.body).message).toMatch(/^planId: there is no plan NoSuchPlanAnywhere000000001/);

    // another tenant's plan is "not found", never "forbidden": its existence must not leak
    const foreign = await harness.call(organizer, "PUT", "/target", { planId: IDS.fabrikamPlan, bucketId: IDS.commitmentsBucket });
    expect(foreign.status).toBe(400);
    expect(errorOf(foreign.body).fields?.[0]?.path).toBe("body.planId");

    const otherPlansBucket = await harness.call(organizer, "PUT", "/target", { planId: IDS.strategyPlan, bucketId: IDS.boardBucket });
    expect(otherPlansBucket.status).toBe(403);
    expect(errorOf(otherPlansBucket.body).message).toMatch(/^bucketId: /);

    const malformed = await harness.call(organizer, "PUT", "/target", { planId: IDS.strategyPlan, bucketId: "has spaces in it" });
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed.body).fields?.[0]?.path).toBe("body.bucketId");

    const emptyName = await harness.call(organizer, "POST", `/plans/${IDS.strategyPlan}/buckets`, { name: "   " });
    expect(emptyName.status).toBe(400);
    expect(errorOf(emptyName.body).fields?.[0]).toEqual({ path: "body.name", message: "must not be empty" });
    const boardBucket = await harness.call(organizer, "POST", `/plans/${IDS.boardPlan}/buckets`, { name: "Sneaky" });
    expect(boardBucket.status).toBe(403);

    expect((await harness.call<PlannerTargetResponse>(organizer, "GET", "/target")).body.target).toBeNull();
    expect(harness.emulator.emulator.snapshot().buckets).toHaveLength(SEED.buckets.length);
  });

  it("lets an attendee read where tasks go but not choose it", async () => {
    for (const [method, url, body] of [
      ["PUT", "/target", { planId: IDS.strategyPlan, bucketId: IDS.commitmentsBucket }],
      ["GET", "/plans", undefined],
      ["GET", `/plans/${IDS.strategyPlan}/buckets`, undefined],
      ["POST", `/plans/${IDS.strategyPlan}/buckets`, { name: "Attendee's bucket" }],
    ] as const) {
      const answer = await harness.call(attendee, method, url, body);
      expect(answer.status, `${method} ${url}`).toBe(403);
      expect(errorOf(answer.body).message).toMatch(/organizer or a facilitator/);
    }
    expect((await harness.call<PlannerTargetResponse>(attendee, "GET", "/target")).body.target).toBeNull();
    expect(harness.emulator.emulator.snapshot().buckets).toHaveLength(SEED.buckets.length);
  });

  it("keeps one tenant's target from another tenant, even for a meeting id they share", async () => {
    await harness.call(organizer, "PUT", "/target", { planId: IDS.strategyPlan, bucketId: IDS.commitmentsBucket });
    const outsider = person("Finley Fabrikam", TEST_TENANTS.fabrikam);
    expect((await harness.call(outsider, "GET", "/target")).status).toBe(403);

    harness.seat(MEETING, outsider, "organizer");
    expect((await harness.call<PlannerTargetResponse>(outsider, "GET", "/target")).body).toEqual({ target: null, canChange: true });
    const theirPlans = await harness.call<PlannerPlansResponse>(outsider, "GET", "/plans");
    expect(theirPlans.body.plans.map((plan) => plan.title)).toEqual(["Fabrikam plan"]);
  });

  it("shares the target with the next meeting in the same chat", async () => {
    await harness.call(organizer, "PUT", "/target", { planId: IDS.strategyPlan, bucketId: IDS.commitmentsBucket });
    const stored = await harness.targets.get({ tenantId: TEST_TENANTS.contoso, spaceId: `19:meeting_strategy@thread.v2` });
    expect(stored?.planName).toBe("Strategy 2027");
  });
});

describe("a team's group plans (a channel meeting)", () => {
  it("lists the team's group plans besides the organizer's own, each once", async () => {
    const plans = await fetchPlannerPlans(harness.caller(organizer), IDS.leadershipGroup);
    expect(plans).toEqual([{ id: IDS.strategyPlan, title: "Strategy 2027" }]);
  });

  it("takes the group id from the tab but leaves access to Planner: a non-member gets nothing of that group", async () => {
    // the organizer is not in the board's group; naming it does not make its plan reachable
    const plans = await harness.call<PlannerPlansResponse>(organizer, "GET", `/plans?groupId=${IDS.boardGroup}`);
    expect(plans).toEqual({ status: 200, body: { plans: [{ id: IDS.strategyPlan, title: "Strategy 2027" }] } });
    const refused = await harness.call(organizer, "PUT", "/target", { planId: IDS.boardPlan, bucketId: IDS.boardBucket });
    expect(refused.status).toBe(403);
    expect(errorOf(refused.body)).toMatchObject({ code: "plannerForbidden", fields: [{ path: "body.planId" }] });

    // another tenant's group is unknown, not forbidden
    const foreign = await harness.call<PlannerPlansResponse>(organizer, "GET", `/plans?groupId=${IDS.fabrikamGroup}`);
    expect(foreign.body.plans.map((plan) => plan.title)).toEqual(["Strategy 2027"]);
    expect((await harness.call<PlannerTargetResponse>(organizer, "GET", "/target")).body.target).toBeNull();
  });

  it("refuses a malformed group id, naming it", async () => {
    const malformed = await harness.call(organizer, "GET", `/plans?groupId=${encodeURIComponent("has spaces")}`);
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed.body).fields?.[0]?.path).toBe("query.groupId");
  });
});

describe("saving from the settings page with Teams' Save", () => {
  it("creates the new bucket first and reports it at once, then saves the target with Planner's names", async () => {
    const created: string[] = [];
    const choice = targetChoiceOf({ canChoose: true, current: null, planId: IDS.strategyPlan, bucketId: NEW_BUCKET, newBucketName: " Offsite ", buckets: [] });
    const saved = await saveTargetChoice(harness.caller(organizer), choice, (bucket) => created.push(bucket.name));
    expect(created).toEqual(["Offsite"]);
    expect(saved).toMatchObject({ planId: IDS.strategyPlan, bucketName: "Offsite", setBy: organizer.userId });
    expect((await fetchPlannerTarget(harness.caller(attendee))).target).toEqual(saved);
    expect(harness.emulator.emulator.snapshot().buckets).toHaveLength(SEED.buckets.length + 1);
  });

  it("rejects with the server's reason naming the field when Planner refuses, and saves nothing", async () => {
    const choice = targetChoiceOf({
      canChoose: true,
      current: null,
      planId: IDS.boardPlan,
      bucketId: IDS.boardBucket,
      newBucketName: "",
      buckets: [{ id: IDS.boardBucket, name: "Board actions" }],
    });
    await expect(saveTargetChoice(harness.caller(organizer), choice)).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/^planId: you cannot reach plan BoardPlanIntegration00000002/),
    });
    expect((await fetchPlannerTarget(harness.caller(organizer))).target).toBeNull();
  });
});

describe("an open tab learns the chosen target", () => {
  it("sends everyone in the meeting the saved target, names included, without a new commitment", async () => {
    const panel = await harness.join(attendee);
    const saved = await harness.call<PlannerTargetResponse>(organizer, "PUT", "/target", { planId: IDS.strategyPlan, bucketId: IDS.commitmentsBucket });
    expect(saved.status).toBe(200);

    const heard = (await panel.next((message) => message.type === "event" && message.event.type === "commitments.targetChosen")) as Extract<ServerMessage, { type: "event" }>;
    expect(heard.event).toMatchObject({ audience: { kind: "everyone" }, payload: saved.body.target });
    expect(panel.state && chosenPlannerTarget(panel.state)).toEqual(saved.body.target);
    panel.close();
  });

  it("notes nothing when Planner refused the choice", async () => {
    const panel = await harness.join(attendee);
    expect((await harness.call(organizer, "PUT", "/target", { planId: IDS.boardPlan, bucketId: IDS.boardBucket })).status).toBe(403);
    // a later accepted save is the first note the panel hears
    const saved = await harness.call<PlannerTargetResponse>(organizer, "PUT", "/target", { planId: IDS.strategyPlan, bucketId: IDS.commitmentsBucket });
    const heard = (await panel.next((message) => message.type === "event" && message.event.type === "commitments.targetChosen")) as Extract<ServerMessage, { type: "event" }>;
    expect(heard.event.payload).toEqual(saved.body.target);
    expect(panel.messages.filter((message) => message.type === "event" && message.event.type === "commitments.targetChosen")).toEqual([]);
    panel.close();
  });

  it("gives a tab that opens later the target in its snapshot", async () => {
    const saved = await harness.call<PlannerTargetResponse>(organizer, "PUT", "/target", { planId: IDS.strategyPlan, bucketId: IDS.commitmentsBucket });
    const latecomer = await harness.join(attendee);
    expect(latecomer.state && chosenPlannerTarget(latecomer.state)).toEqual(saved.body.target);
    latecomer.close();
  });
});
