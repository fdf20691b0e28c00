import { compareOrdinal } from "./orderHints.ts";
import type { PlannerData, TaskRecord } from "./plannerStore.ts";

/** Where the read-only page is served, under the development routes. */
export const PLANNER_PAGE_PATH = "/dev/planner/";

/**
 * The emulator's read-only page: every group, its plans, and per plan a table of tasks (bucket,
 * title, assignees, due date, progress, description and reference count), so a newcomer sees
 * commitments land as Planner tasks. Plain server-rendered HTML: every value is escaped, no script.
 */
export function renderPlannerPage(data: PlannerData, graphBaseUrl: string): string {
  const nameOf = (userId: string) => data.userNames[userId];
  const groups = data.groups.map((group) => {
    const plans = data.plans.filter((plan) => plan.groupId === group.id);
    const membership = group.members === "allUsersInTenant" ? "every user of the tenant" : `${group.members.length} member${group.members.length === 1 ? "" : "s"}`;
    const planSections = plans.map((plan) => {
      const buckets = data.buckets.filter((bucket) => bucket.planId === plan.id).sort((left, right) => compareOrdinal(left.orderHint, right.orderHint));
      const bucketRank = new Map(buckets.map((bucket, index) => [bucket.id, index]));
      const tasks = data.tasks
        .filter((task) => task.planId === plan.id)
        .sort(
          (left, right) =>
            (bucketRank.get(left.bucketId ?? "") ?? buckets.length) - (bucketRank.get(right.bucketId ?? "") ?? buckets.length) ||
            compareOrdinal(left.orderHint, right.orderHint),
        );
      const bucketName = (task: TaskRecord) => buckets.find((bucket) => bucket.id === task.bucketId)?.name ?? "(no bucket)";
      const rows = tasks.map((task) => {
        const details = data.details.find((candidate) => candidate.id === task.id);
        const assignees = Object.keys(task.assignments).map((userId) => {
          const name = nameOf(userId);
          return name ? `${escapeHtml(name)} <span class="id">(${escapeHtml(userId)})</span>` : `<span class="id">${escapeHtml(userId)}</span>`;
        });
        const description = details?.description ?? "";
        const referenceCount = Object.keys(details?.references ?? {}).length;
        return `<tr>
<td>${escapeHtml(bucketName(task))}</td>
<td>${escapeHtml(task.title)}<div class="id">${escapeHtml(task.id)}</div></td>
<td>${assignees.length > 0 ? assignees.join("<br>") : "—"}</td>
<td>${task.dueDateTime ? `<time datetime="${escapeHtml(task.dueDateTime)}">${escapeHtml(task.dueDateTime.slice(0, 10))}</time>` : "—"}</td>
<td>${task.percentComplete}%</td>
<td>${description === "" ? "—" : escapeHtml(excerpt(description))}</td>
<td>${referenceCount}</td>
</tr>`;
      });
      const body =
        rows.length === 0
          ? `<p>No tasks yet. Commitments captured in Concord appear here once they are written to Planner.</p>`
          : `<table>
<caption>Tasks in ${escapeHtml(plan.title)} (${tasks.length})</caption>
<thead><tr><th scope="col">Bucket</th><th scope="col">Title</th><th scope="col">Assignees</th><th scope="col">Due</th><th scope="col">Complete</th><th scope="col">Description</th><th scope="col">References</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
      return `<section aria-labelledby="plan-${escapeHtml(plan.id)}">
<h3 id="plan-${escapeHtml(plan.id)}">${escapeHtml(plan.title)}</h3>
<p class="id">Plan id ${escapeHtml(plan.id)} · buckets: ${buckets.map((bucket) => `${escapeHtml(bucket.name)} <span class="id">(${escapeHtml(bucket.id)})</span>`).join(", ") || "none"}</p>
${body}
</section>`;
    });
    return `<section aria-labelledby="group-${escapeHtml(group.id)}">
<h2 id="group-${escapeHtml(group.id)}">${escapeHtml(group.displayName)}</h2>
<p class="id">Group id ${escapeHtml(group.id)} · tenant ${escapeHtml(group.tenantId)} · members: ${escapeHtml(membership)}</p>
${planSections.length > 0 ? planSections.join("\n") : "<p>No plans in this group.</p>"}
</section>`;
  });

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Planner emulator — Concord development</title>
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1.5rem;color:#242424;line-height:1.45}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #d1d1d1;padding:.4rem .55rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}
.id{color:#616161;font-size:.85em;word-break:break-all}
code{background:#f0f0f0;padding:.1em .35em;border-radius:4px}
a{color:#115ea3}
</style>
</head>
<body>
<main>
<h1>Planner emulator</h1>
<p>What Concord has written to the local stand-in for Microsoft Planner. This page only reads; tasks change through Graph requests to <code>${escapeHtml(graphBaseUrl)}</code>. <a href="./">Refresh</a></p>
${groups.length > 0 ? groups.join("\n") : "<p>The emulator holds no groups.</p>"}
</main>
</body>
</html>
`;
}

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character] ?? character);
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}
