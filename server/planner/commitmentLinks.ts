/** A commitment's address: the meeting it was made in and its id there. */
export interface CommitmentRef {
  meetingId: string;
  commitmentId: string;
}

/**
 * Links from a Planner task back to its commitment in Concord (the task's reference), and the
 * reverse: which commitment a link names. A task whose reference names another commitment belongs
 * to that one, which is how reconciliation tells Concord's tasks apart.
 */
export interface CommitmentLinks {
  linkTo(ref: CommitmentRef): string;
  /** The commitment a link made by {@link linkTo} names; null for any other URL. */
  commitmentOf(url: string): CommitmentRef | null;
}

/** The personal tab's entity id in the manifest ("My commitments"): every owner has it. */
export const PERSONAL_TAB_ENTITY_ID = "myCommitments";

const SUB_ENTITY_PREFIX = "commitment/";

/**
 * Teams deep links into Concord's personal tab, which lists the owner's commitments across
 * meetings: `https://teams.microsoft.com/l/entity/<app id>/myCommitments?context={"subEntityId":…}`.
 * Teams hands the `subEntityId` to the tab, which opens that commitment.
 */
export function teamsCommitmentLinks(teamsAppId: string): CommitmentLinks {
  const base = `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${PERSONAL_TAB_ENTITY_ID}`;
  return {
    linkTo(ref) {
      const context = JSON.stringify({ subEntityId: subEntityIdOf(ref) });
      return `${base}?context=${encodeURIComponent(context)}`;
    },
    commitmentOf(url) {
      if (!url.startsWith(`${base}?`)) return null;
      const context = new URL(url).searchParams.get("context");
      if (context === null) return null;
      try {
        const parsed = JSON.parse(context) as { subEntityId?: unknown };
        return typeof parsed.subEntityId === "string" ? refOfSubEntityId(parsed.subEntityId) : null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * Links to the tab itself at `origin` (`<origin>/?surface=personal&commitment=…`): for development,
 * where there is no Teams app id, and for a deployment that has not configured one.
 */
export function tabCommitmentLinks(origin: string): CommitmentLinks {
  const base = `${origin.replace(/\/+$/, "")}/?surface=personal&commitment=`;
  return {
    linkTo: (ref) => `${base}${encodeURIComponent(subEntityIdOf(ref))}`,
    commitmentOf(url) {
      if (!url.startsWith(base)) return null;
      const value = new URL(url).searchParams.get("commitment");
      return value === null ? null : refOfSubEntityId(value);
    },
  };
}

function subEntityIdOf(ref: CommitmentRef): string {
  return `${SUB_ENTITY_PREFIX}${encodeURIComponent(ref.meetingId)}/${encodeURIComponent(ref.commitmentId)}`;
}

function refOfSubEntityId(value: string): CommitmentRef | null {
  if (!value.startsWith(SUB_ENTITY_PREFIX)) return null;
  const parts = value.slice(SUB_ENTITY_PREFIX.length).split("/");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  try {
    return { meetingId: decodeURIComponent(parts[0]), commitmentId: decodeURIComponent(parts[1]) };
  } catch {
    return null;
  }
}
