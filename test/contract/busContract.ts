import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SequencedEvent } from "../../src/protocol/events.ts";
import type { Bus, MeetingEventsMessage } from "../../server/bus/bus.ts";
import type { MeetingKey } from "../../server/store/eventStore.ts";
import { sampleMeeting } from "../fixtures/meetingEvents.ts";

/** A bus handed to the contract. */
export interface BusUnderTest {
  bus: Bus;
  /**
   * Capability: a second bus on the same medium, as another server instance would hold (a second
   * Redis connection). Absent for a bus that only lives inside one process.
   */
  peer?: Bus;
  /** Releases anything left once the contract has closed `bus` and `peer`. */
  cleanup?: () => Promise<void>;
}

/**
 * Registers the tests every Bus adapter must pass. Deliveries are awaited by count, never by
 * time, so a slow networked bus is only slower, not flaky.
 */
export function describeBusContract(name: string, makeBus: () => Promise<BusUnderTest>): void {
  describe(`Bus contract: ${name}`, () => {
    let subject: BusUnderTest;
    let bus: Bus;

    beforeEach(async () => {
      subject = await makeBus();
      bus = subject.bus;
    });

    afterEach(async () => {
      await subject.bus.close();
      await subject.peer?.close();
      await subject.cleanup?.();
    });

    it("delivers a message to every subscriber as it was published", async () => {
      const inboxes = await Promise.all([1, 2, 3].map(() => subscribeInbox(bus)));
      const message = messageFor({ tenantId: "tenant-1", meetingId: "meeting-1" }, 0);
      await bus.publish(message);

      for (const inbox of inboxes) {
        await inbox.received(1);
        expect(inbox.messages).toEqual([message]);
      }
    });

    it("keeps one publisher's messages in publish order", async () => {
      const inboxes = await Promise.all([1, 2].map(() => subscribeInbox(bus)));
      const messages = Array.from({ length: 25 }, (_, index) =>
        messageFor({ tenantId: "tenant-1", meetingId: `meeting-${index % 3}` }, index));
      // Published back to back without waiting in between, as the gateway does under load.
      await Promise.all(messages.map((message) => bus.publish(message)));

      for (const inbox of inboxes) {
        await inbox.received(messages.length);
        expect(inbox.messages).toEqual(messages);
      }
    });

    it("keeps delivering to other handlers and later messages when a handler throws", async () => {
      await bus.subscribe(() => {
        throw new Error("handler bug");
      });
      const inbox = await subscribeInbox(bus);
      const first = messageFor({ tenantId: "tenant-1", meetingId: "meeting-1" }, 0);
      const second = messageFor({ tenantId: "tenant-1", meetingId: "meeting-1" }, 1);
      await bus.publish(first);
      await bus.publish(second);

      await inbox.received(2);
      expect(inbox.messages).toEqual([first, second]);
    });

    it("stops delivering to a handler once it unsubscribes", async () => {
      const leaving = await subscribeInbox(bus);
      const staying = await subscribeInbox(bus);
      const before = messageFor({ tenantId: "tenant-1", meetingId: "meeting-1" }, 0);
      await bus.publish(before);
      await leaving.received(1);
      await staying.received(1);

      await leaving.unsubscribe();
      await leaving.unsubscribe();
      const after = messageFor({ tenantId: "tenant-1", meetingId: "meeting-1" }, 1);
      await bus.publish(after);

      // Once a later subscriber has the message, an unsubscribed handler would have had it too.
      await staying.received(2);
      expect(staying.messages).toEqual([before, after]);
      expect(leaving.messages).toEqual([before]);
    });

    it("is not affected by the publisher changing its message after publishing", async () => {
      const inbox = await subscribeInbox(bus);
      const message = messageFor({ tenantId: "tenant-1", meetingId: "meeting-1" }, 0);
      const original = structuredClone(message);
      const published = bus.publish(message);
      message.events.length = 0;
      message.key.meetingId = "meeting-changed";
      await published;

      await inbox.received(1);
      expect(inbox.messages).toEqual([original]);
    });

    it("refuses to publish or subscribe once closed, and closes idempotently", async () => {
      await bus.close();
      await bus.close();
      await expect(bus.publish(messageFor({ tenantId: "tenant-1", meetingId: "meeting-1" }, 0))).rejects.toThrow();
      await expect(bus.subscribe(() => undefined)).rejects.toThrow();
    });

    it("delivers between instances sharing the medium, in order", async (context) => {
      const peer = subject.peer;
      if (!peer) {
        context.skip("this bus lives inside one process");
        return;
      }
      const here = await subscribeInbox(bus);
      const there = await subscribeInbox(peer);
      const messages = Array.from({ length: 10 }, (_, index) => messageFor({ tenantId: "tenant-1", meetingId: "meeting-1" }, index));
      await Promise.all(messages.map((message) => bus.publish(message)));

      await there.received(messages.length);
      await here.received(messages.length);
      expect(there.messages).toEqual(messages);
      expect(here.messages).toEqual(messages);
    });

    it("stops delivering to a closed instance while its peer carries on", async (context) => {
      const peer = subject.peer;
      if (!peer) {
        context.skip("this bus lives inside one process");
        return;
      }
      const closing = await subscribeInbox(bus);
      const staying = await subscribeInbox(peer);
      await bus.close();
      const message = messageFor({ tenantId: "tenant-1", meetingId: "meeting-1" }, 0);
      await peer.publish(message);

      await staying.received(1);
      expect(staying.messages).toEqual([message]);
      expect(closing.messages).toEqual([]);
    });
  });
}

/** Messages one handler received, with a way to wait until it has received `count` of them. */
interface Inbox {
  messages: MeetingEventsMessage[];
  received(count: number): Promise<void>;
  unsubscribe(): Promise<void>;
}

async function subscribeInbox(bus: Bus): Promise<Inbox> {
  const messages: MeetingEventsMessage[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const unsubscribe = await bus.subscribe((message) => {
    messages.push(message);
    for (const waiter of waiters.filter((each) => messages.length >= each.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  return {
    messages,
    received: (count) =>
      messages.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    unsubscribe,
  };
}

const sample = sampleMeeting("meeting-sample").batches.flat();

/** A realistic message: a slice of a real meeting's events, sequenced, distinct per `index`. */
function messageFor(key: MeetingKey, index: number): MeetingEventsMessage {
  const start = index % sample.length;
  const events: SequencedEvent[] = sample
    .slice(start, start + 2)
    .map((event, offset) => ({ seq: index * 2 + offset + 1, event }));
  return { key: { ...key }, events };
}
