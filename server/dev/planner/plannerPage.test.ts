import { describe, expect, it } from "vitest";
import { renderPlannerPage } from "./plannerPage.ts";
import type { PlannerData } from "./plannerStore.ts";
import { devPlannerSeed, DEV_PLANNER_IDS, seededPlannerData } from "./seed.ts";

const OWNER = "3f9b8a7c-6d5e-4f4a-9b3c-2d1e0f9a8b70";

function withTask(data: PlannerData): PlannerData {
  data.tasks.push({
    id: "TaskC0ncordDev0000000000001",
    planId: DEV_PLANNER_IDS.planId,
    bucketId: DEV_PLANNER_IDS.escalationsBucketId,
    title: `Settle <script>alert("x")</script> & move on`,
    orderHint: "P",
    assigneePriority: "",
    percentComplete: 50,
    priority: 5,
    startDateTime: null,
    dueDateTime: "2027-03-31T17:00:00.000Z",
    createdDateTime: "2027-01-04T09:00:00.000Z",
    completedDateTime: null,
    completedBy: null,
    createdBy: { user: { displayName: null, id: OWNER } },
    conversationThreadId: null,
    appliedCategories: {},
    assignments: { [OWNER]: { assignedBy: { user: { displayName: null, id: OWNER } }, assignedDateTime: "2027-01-04T09:00:00.000Z", orderHint: "P" } },
    previewType: "automatic",
    etag: 'W/"x"',
    detailsHiddenUntil: 0,
  });
  data.details.push({ id: "TaskC0ncordDev0000000000001", description: "Because the board asked.", references: { "https%3A//a%2Eexample": { alias: "Decision", type: "Other", previewPriority: "P", lastModifiedBy: {}, lastModifiedDateTime: "2027-01-04T09:00:00.000Z" } }, checklist: {}, etag: 'W/"y"' });
  data.userNames[OWNER] = "Noor O'Neil";
  return data;
}

describe("the read-only Planner page", () => {
  it("lists the seeded group and plan under headings, with a table of tasks", () => {
    const html = renderPlannerPage(withTask(seededPlannerData(devPlannerSeed(), 0)), "http://localhost:3000/dev/graph");
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<h2 id="group-[^"]+">Leadership team<\/h2>/);
    expect(html).toMatch(/<h3 id="plan-[^"]+">Strategy 2027<\/h3>/);
    expect(html).toContain('<th scope="col">Assignees</th>');
    expect(html).toContain("<td>Escalations</td>");
    expect(html).toContain("Noor O&#39;Neil");
    expect(html).toContain('<time datetime="2027-03-31T17:00:00.000Z">2027-03-31</time>');
    expect(html).toContain("<td>50%</td>");
    expect(html).toContain("<td>Because the board asked.</td>\n<td>1</td>");
  });

  it("escapes every value, so a task title cannot inject markup", () => {
    const html = renderPlannerPage(withTask(seededPlannerData(devPlannerSeed(), 0)), "http://localhost:3000/dev/graph");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Settle &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; move on");
  });

  it("says so when a plan has no tasks yet", () => {
    expect(renderPlannerPage(seededPlannerData(devPlannerSeed(), 0), "http://localhost:3000/dev/graph")).toContain("No tasks yet.");
  });
});
