import type { Database } from "better-sqlite3";
import { PlannerTargetSchema, type PlannerTarget } from "../../../src/protocol/commitmentTarget.ts";
import type { PlannerTargetStore, SpaceKey } from "../plannerTargetStore.ts";
import { StoreInputError, assertId } from "../storeInput.ts";
import { openSqliteDatabase, type SqliteDatabaseOptions } from "./openDatabase.ts";

/**
 * The embedded PlannerTargetStore: a table in the same SQLite file as the event log (its own
 * connection; WAL lets it share the file).
 */
export function createSqlitePlannerTargetStore(options: SqliteDatabaseOptions): Promise<PlannerTargetStore> {
  return new Promise((resolve) => resolve(sqlitePlannerTargetStore(openSqliteDatabase(options))));
}

type SpaceParams = { tenantId: string; spaceId: string };

function sqlitePlannerTargetStore(db: Database): PlannerTargetStore {
  const statements = {
    get: db.prepare<SpaceParams, PlannerTarget>(
      `SELECT plan_id AS planId, plan_name AS planName, bucket_id AS bucketId, bucket_name AS bucketName, set_by AS setBy, set_at AS setAt
         FROM planner_targets WHERE tenant_id = @tenantId AND space_id = @spaceId`,
    ),
    set: db.prepare<SpaceParams & PlannerTarget>(
      `INSERT INTO planner_targets (tenant_id, space_id, plan_id, plan_name, bucket_id, bucket_name, set_by, set_at)
       VALUES (@tenantId, @spaceId, @planId, @planName, @bucketId, @bucketName, @setBy, @setAt)
       ON CONFLICT (tenant_id, space_id) DO UPDATE SET plan_id = excluded.plan_id, plan_name = excluded.plan_name,
         bucket_id = excluded.bucket_id, bucket_name = excluded.bucket_name, set_by = excluded.set_by, set_at = excluded.set_at`,
    ),
    clear: db.prepare<SpaceParams>("DELETE FROM planner_targets WHERE tenant_id = @tenantId AND space_id = @spaceId"),
  };

  let isClosed = false;
  const whileOpen = <T>(work: () => T): Promise<T> =>
    new Promise((resolve) => {
      if (isClosed) throw new Error("the Planner target store is closed");
      resolve(work());
    });

  return {
    get(space) {
      return whileOpen(() => statements.get.get(spaceParams(space)) ?? null);
    },

    set(space, target) {
      return whileOpen(() => {
        const params = spaceParams(space);
        const parsed = PlannerTargetSchema.safeParse(target);
        if (!parsed.success) throw StoreInputError.fromIssues("target", parsed.error);
        statements.set.run({ ...params, ...parsed.data });
        return parsed.data;
      });
    },

    clear(space) {
      return whileOpen(() => statements.clear.run(spaceParams(space)).changes === 1);
    },

    close() {
      if (!isClosed) {
        isClosed = true;
        db.close();
      }
      return Promise.resolve();
    },
  };
}

function spaceParams(space: SpaceKey): SpaceParams {
  if (typeof space !== "object" || space === null) throw new StoreInputError("space", "must be an object");
  assertId("space.tenantId", space.tenantId);
  assertId("space.spaceId", space.spaceId);
  return { tenantId: space.tenantId, spaceId: space.spaceId };
}
