import type { CarryOverResponse } from "../../protocol/rest.ts";

/** What the last meeting ended in this meeting's space left open, for Concord's API to show a facilitator. */
export type CarryOverOfferView = NonNullable<CarryOverResponse["offer"]>;

/**
 * Asks the server what the last meeting ended in this meeting's space left open. Null when there is
 * nothing to carry over; throws (with the server's sentence when it gave one) when it cannot tell.
 */
export async function fetchCarryOverOffer(meetingId: string, getToken: () => Promise<string>): Promise<CarryOverOfferView | null> {
  const response = await fetch(`/api/meetings/${encodeURIComponent(meetingId)}/carry-over`, {
    headers: { accept: "application/json", authorization: `Bearer ${await getToken()}` },
  });
  const body = (await response.json().catch(() => null)) as (CarryOverResponse & { error?: { message?: string } }) | null;
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body?.offer ?? null;
}
