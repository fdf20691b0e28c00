import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqlitePlannerTargetStore } from "../../server/store/sqlite/sqlitePlannerTargetStore.ts";
import { describePlannerTargetStoreContract } from "./plannerTargetStoreContract.ts";

describePlannerTargetStoreContract("sqlite file", async () => {
  const folder = mkdtempSync(join(tmpdir(), "concord-targets-"));
  const filename = join(folder, "concord.db");
  return {
    store: await createSqlitePlannerTargetStore({ filename }),
    reopen: () => createSqlitePlannerTargetStore({ filename }),
    cleanup: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
  };
});

describePlannerTargetStoreContract("sqlite :memory:", async () => ({
  store: await createSqlitePlannerTargetStore({ filename: ":memory:" }),
}));
