import type { Command } from "../../../src/protocol/commands.ts";
import { TestClient } from "../../fixtures/wsClient.ts";
import { DEV_TENANT_ID, userIdFor } from "../pages/simulatorPage.ts";

/** A simulated person speaking Concord's protocol from Node, as the tab would. */
export interface MeetingAs {
  client: TestClient;
  /** Sends a command; rejects with the server's code and message when it is refused. */
  run(command: Command): Promise<void>;
  /** Sends a command and returns the rejection code, or null when it was accepted. */
  attempt(command: Command): Promise<string | null>;
  close(): void;
}

/**
 * Connects to a meeting of the simulator as one of its participants, with a token from the dev
 * identity provider, for steps that have no UI on the surface under test (building the agenda).
 * The roster the simulator registered gives the person their meeting role, as for their side panel.
 */
export async function meetingAs(origin: string, meetingId: string, displayName: string): Promise<MeetingAs> {
  const response = await fetch(`${origin}/dev/idp/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenantId: DEV_TENANT_ID, userId: userIdFor(displayName), displayName }),
  });
  if (!response.ok) throw new Error(`the dev identity provider refused a token for ${displayName}: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  const client = await TestClient.connect(origin, token);
  await client.hello(meetingId);
  return {
    client,
    async attempt(command) {
      const answer = await client.command(command);
      return answer.type === "reject" ? answer.code : null;
    },
    async run(command) {
      const answer = await client.command(command);
      if (answer.type === "reject") throw new Error(`${displayName}'s ${command.type} was refused (${answer.code}): ${answer.message}`);
    },
    close: () => client.close(),
  };
}
