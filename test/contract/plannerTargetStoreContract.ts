import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PlannerTarget } from "../../src/protocol/commitmentTarget.ts";
import type { PlannerTargetStore, SpaceKey } from "../../server/store/plannerTargetStore.ts";

/** A store handed to the contract, with what the contract may do to it (see EventStoreUnderTest). */
export interface PlannerTargetStoreUnderTest {
  store: PlannerTargetStore;
  /** Capability: opens a new store on the same data, after the contract has closed the first. */
  reopen?: () => Promise<PlannerTargetStore>;
  cleanup?: () => Promise<void>;
}

const strategy: PlannerTarget = {
  planId: "plan-strategy-2027",
  planName: "Strategy 2027",
  bucketId: "bucket-offsite",
  bucketName: "Leadership offsite",
  setBy: "org-1",
  setAt: 1_700_000_000_000,
};

/** Registers the tests every PlannerTargetStore adapter must pass, against a fresh store each time. */
export function describePlannerTargetStoreContract(name: string, makeStore: () => Promise<PlannerTargetStoreUnderTest>): void {
  describe(`PlannerTargetStore contract: ${name}`, () => {
    let subject: PlannerTargetStoreUnderTest;
    let opened: PlannerTargetStore[];
    let space: SpaceKey;

    beforeEach(async () => {
      subject = await makeStore();
      opened = [subject.store];
      // fresh tenants per test so a shared database never sees another test's rows
      space = { tenantId: `tenant-${randomUUID()}`, spaceId: "19:leadership@thread.tacv2" };
    });

    afterEach(async () => {
      for (const each of opened) await each.close();
      await subject.cleanup?.();
    });

    it("has no target for a space until one is chosen, then returns it", async () => {
      const { store } = subject;
      expect(await store.get(space)).toBeNull();
      expect(await store.set(space, strategy)).toEqual(strategy);
      expect(await store.get(space)).toEqual(strategy);
    });

    it("replaces the target when someone changes it, keeping who changed it and when", async () => {
      const { store } = subject;
      await store.set(space, strategy);
      const changed = { ...strategy, bucketId: "bucket-q3", bucketName: "Q3 priorities", setBy: "pres-2", setAt: strategy.setAt + 60_000 };
      await store.set(space, changed);
      expect(await store.get(space)).toEqual(changed);
    });

    it("keeps spaces and tenants apart", async () => {
      const { store } = subject;
      const otherSpace = { ...space, spaceId: "19:meeting_other@thread.v2" };
      const otherTenant = { ...space, tenantId: `tenant-${randomUUID()}` };
      await store.set(space, strategy);
      expect(await store.get(otherSpace)).toBeNull();
      expect(await store.get(otherTenant)).toBeNull();
      await store.set(otherTenant, { ...strategy, planId: "plan-theirs" });
      expect(await store.get(space)).toEqual(strategy);
      expect(await store.clear(otherSpace)).toBe(false);
      expect(await store.get(space)).toEqual(strategy);
    });

    it("forgets a target on request", async () => {
      const { store } = subject;
      await store.set(space, strategy);
      expect(await store.clear(space)).toBe(true);
      expect(await store.get(space)).toBeNull();
      expect(await store.clear(space)).toBe(false);
    });

    it("trims names, and refuses bad input naming the field without changing anything", async () => {
      const { store } = subject;
      expect(await store.set(space, { ...strategy, planName: "  Strategy 2027  " })).toEqual(strategy);
      await expect(store.set(space, { ...strategy, bucketName: "   ", planId: "plan-new" })).rejects.toThrow(/target\.bucketName/);
      await expect(store.set(space, { ...strategy, planName: "x".repeat(256) })).rejects.toThrow(/target\.planName/);
      await expect(store.set(space, { ...strategy, planId: "" })).rejects.toThrow(/target\.planId/);
      await expect(store.set({ ...space, spaceId: "" }, strategy)).rejects.toThrow(/space\.spaceId/);
      await expect(store.get({ ...space, tenantId: "" })).rejects.toThrow(/space\.tenantId/);
      expect(await store.get(space)).toEqual(strategy);
    });

    it("keeps targets across close and reopen", async (context) => {
      if (!subject.reopen) {
        context.skip("this store keeps nothing once closed");
        return;
      }
      await subject.store.set(space, strategy);
      await subject.store.close();
      const reopened = await subject.reopen();
      opened.push(reopened);
      expect(await reopened.get(space)).toEqual(strategy);
    });

    it("refuses work once closed", async () => {
      await subject.store.close();
      await expect(subject.store.get(space)).rejects.toThrow(/closed/);
    });
  });
}
