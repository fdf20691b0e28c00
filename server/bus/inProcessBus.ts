import type { Bus, MeetingEventsMessage } from "./bus.ts";

/** Options for the in-process bus. */
export interface InProcessBusOptions {
  /** Told when a handler throws or rejects; defaults to logging. Delivery to others carries on either way. */
  onHandlerError?: (error: unknown, message: MeetingEventsMessage) => void;
}

type Handler = (message: MeetingEventsMessage) => void;

/**
 * The single-instance Bus: delivers each message to every handler subscribed when it was
 * published, asynchronously but in publish order. The default when no REDIS_URL is configured.
 */
export function createInProcessBus(options: InProcessBusOptions = {}): Bus {
  const reportError = options.onHandlerError ?? logHandlerError;
  // One object per subscribe call, so subscribing the same function twice gives two independent subscriptions.
  const subscriptions = new Set<{ handler: Handler }>();
  let isClosed = false;

  const deliver = (message: MeetingEventsMessage, recipients: readonly { handler: Handler }[]): void => {
    for (const subscription of recipients) {
      // Checked per message: unsubscribing or closing stops even what was already published.
      if (isClosed || !subscriptions.has(subscription)) continue;
      try {
        const result: unknown = subscription.handler(message);
        if (isPromiseLike(result)) result.then(undefined, (error: unknown) => reportError(error, message));
      } catch (error) {
        reportError(error, message);
      }
    }
  };

  return {
    publish(message) {
      if (isClosed) return Promise.reject(new Error("the bus is closed"));
      // Copied now, as a networked bus serialises at publish, so the publisher reusing or mutating its
      // objects afterwards cannot change what subscribers receive.
      const copy = structuredClone(message);
      const recipients = [...subscriptions];
      // Microtasks run first in, first out, which is what keeps delivery in publish order.
      queueMicrotask(() => deliver(copy, recipients));
      return Promise.resolve();
    },

    subscribe(handler) {
      if (isClosed) return Promise.reject(new Error("the bus is closed"));
      const subscription = { handler };
      subscriptions.add(subscription);
      return Promise.resolve(() => {
        subscriptions.delete(subscription);
        return Promise.resolve();
      });
    },

    close() {
      isClosed = true;
      subscriptions.clear();
      return Promise.resolve();
    },
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function logHandlerError(error: unknown, message: MeetingEventsMessage): void {
  console.error(`bus handler failed for meeting ${message.key.meetingId} (tenant ${message.key.tenantId})`, error);
}
