// Run as its own process by sqliteEventStore.test.ts: opens the database file, says "ready", waits
// for "go" on stdin (so every claimer starts together), then claims rows until none are left,
// settling each, and prints the ids it got as one JSON line.
import { once } from "node:events";
import { createSqliteEventStore } from "../../server/store/sqlite/sqliteEventStore.ts";

const [filename, topic] = process.argv.slice(2);
if (filename === undefined || topic === undefined) throw new Error("usage: outboxClaimer.ts <database file> <topic>");

const store = await createSqliteEventStore({ filename, busyTimeoutMs: 30_000 });
process.stdout.write("ready\n");
await once(process.stdin, "data");

const claimed: string[] = [];
for (;;) {
  const rows = await store.claimOutbox({ topic, now: 10_000, leaseMs: 3_600_000, limit: 2 });
  if (rows.length === 0) break;
  for (const row of rows) {
    claimed.push(`${row.tenantId}/${row.outboxId}`);
    await store.completeOutbox(row.lease, 10_001);
  }
  // a pause between claims, as a worker sending to Planner would make, lets the other processes in;
  // without it SQLite's busy back-off lets whichever process started first take every row
  await new Promise((resolve) => setTimeout(resolve, 2));
}
await store.close();
process.stdout.write(`${JSON.stringify(claimed)}\n`);
process.exit(0);
