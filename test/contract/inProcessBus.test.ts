import { describe, expect, it } from "vitest";
import type { MeetingEventsMessage } from "../../server/bus/bus.ts";
import { createInProcessBus } from "../../server/bus/inProcessBus.ts";
import { sampleMeeting } from "../fixtures/meetingEvents.ts";
import { describeBusContract } from "./busContract.ts";

describeBusContract("in-process", () =>
  // Handler failures are part of the contract; collect them rather than print them.
  Promise.resolve({ bus: createInProcessBus({ onHandlerError: () => undefined }) }));

describe("in-process bus specifics", () => {
  const key = { tenantId: "tenant-1", meetingId: "meeting-1" };
  const message: MeetingEventsMessage = {
    key,
    events: sampleMeeting(key.meetingId).batches[0]!.map((event, index) => ({ seq: index + 1, event })),
  };
  /** Resolves after every microtask queued so far, and those they queue in turn, have run. */
  const drained = () => new Promise<void>((resolve) => setImmediate(resolve));

  it("delivers after publish returns, never inside it", async () => {
    const bus = createInProcessBus();
    const received: MeetingEventsMessage[] = [];
    await bus.subscribe((delivered) => received.push(delivered));
    const published = bus.publish(message);
    expect(received).toEqual([]);
    await published;
    await drained();
    expect(received).toEqual([message]);
  });

  it("reports a throwing or rejecting handler with the message it failed on", async () => {
    const failures: [unknown, MeetingEventsMessage][] = [];
    const bus = createInProcessBus({ onHandlerError: (error, failed) => failures.push([error, failed]) });
    const thrown = new Error("sync failure");
    const rejected = new Error("async failure");
    await bus.subscribe(() => {
      throw thrown;
    });
    await bus.subscribe(() => Promise.reject(rejected) as unknown as void);
    await bus.publish(message);
    await drained();
    expect(failures).toEqual([
      [thrown, message],
      [rejected, message],
    ]);
  });

  it("drops messages not yet delivered when a handler unsubscribes or the bus closes", async () => {
    const bus = createInProcessBus();
    const unsubscribed: MeetingEventsMessage[] = [];
    const closed: MeetingEventsMessage[] = [];
    const unsubscribe = await bus.subscribe((delivered) => unsubscribed.push(delivered));
    await bus.subscribe((delivered) => closed.push(delivered));

    // Called without awaiting in between: awaiting publish would already let the delivery run.
    await Promise.all([bus.publish(message), unsubscribe()]);
    await drained();
    expect(unsubscribed).toEqual([]);
    expect(closed).toEqual([message]);

    await Promise.all([bus.publish(message), bus.close()]);
    await drained();
    expect(closed).toEqual([message]);
  });

  it("treats a function subscribed twice as two subscriptions, each unsubscribed on its own", async () => {
    const bus = createInProcessBus();
    const received: MeetingEventsMessage[] = [];
    const handler = (delivered: MeetingEventsMessage) => void received.push(delivered);
    const first = await bus.subscribe(handler);
    await bus.subscribe(handler);
    await first();
    await bus.publish(message);
    await drained();
    expect(received).toEqual([message]);
  });
});
