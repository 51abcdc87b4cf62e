import type { DB } from "#db/client.server.ts";
import { DomainError } from "#shared/domain-error.ts";
import {
  type MakeUpDone,
  type MissNow,
  missedSessionText,
  noticeSinceText,
  supportNotProvidedText,
  type NotificationKind,
} from "#shared/notifications.ts";
import { formatSchoolDate, type IsoDate } from "#shared/school-date.ts";
import type { MissedReason } from "#shared/services.ts";
import { type Executor, recordAudit } from "./audit.server.ts";
import { notify } from "./notice-mail.server.ts";
import { makeUpReasonsForStudent } from "./make-up-policy.server.ts";
import { t } from "#shared/i18n/i18n.ts";

export interface MyNotification {
  id: string;
  studentId: string;
  studentName: string;
  kind: NotificationKind;
  text: string;
  relatedId: string | null;
  /** What has happened since, from the current records ("Since then: made up on Thu, Dec 3 (30 min)."). */
  since: string | null;
  createdAt: string;
  seenAt: string | null;
}

/** A notice as the school sees it in Family notifications: the same fields, named by who received it. */
export type SentNotification = Omit<MyNotification, "studentId" | "studentName"> & { recipientName: string };

/**
 * Tells every active parent on the student's team that a session was missed. Called by the session-record
 * writes with their own transaction, so the record and the notices land together or not at all.
 * The audit rows carry no student id: they are evidence of the notice, not changes to the plan, and would
 * only crowd the team's history (the notices themselves are listed for the school by `sentForStudent`).
 */
export async function notifyParentsOfMiss(
  trx: Executor,
  args: {
    studentId: string;
    serviceName: string;
    date: IsoDate;
    reason: MissedReason;
    recordId: string;
    actorId: string;
    now: Date;
  }
): Promise<number> {
  const parents = await trx
    .selectFrom("team_members")
    .select("user_id")
    .where("student_id", "=", args.studentId)
    .where("role", "=", "parent")
    .where("removed_at", "is", null)
    .execute();
  if (parents.length === 0) return 0;
  const owed = await makeUpReasonsForStudent(trx, args.studentId);
  const text = () => missedSessionText({
    serviceName: args.serviceName,
    date: args.date,
    reason: args.reason,
    makeUpOwed: owed.includes(args.reason),
  });
  // One notice per person, even if a data slip left a parent on the team twice.
  const recipients = new Set(parents.map((p) => p.user_id));
  for (const userId of recipients) {
    await notify(
      trx,
      {
        userId,
        studentId: args.studentId,
        kind: "session_missed",
        text,
        relatedId: args.recordId,
        actorId: args.actorId,
        subject: () => ({ service: args.serviceName, date: formatSchoolDate(args.date) }),
      },
      args.now
    );
  }
  return recipients.size;
}

/** A person's notices about students whose team they are still on: a removed member stops seeing them. */
function visibleTo(db: Executor, userId: string) {
  return db
    .selectFrom("notifications as n")
    .innerJoin("students", "students.id", "n.student_id")
    .select([
      "n.id",
      "n.student_id",
      "students.name as student_name",
      "n.kind",
      "n.text",
      "n.related_id",
      "n.created_at",
      "n.seen_at",
    ])
    .where("n.user_id", "=", userId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("team_members as tm")
          .select("tm.id")
          .whereRef("tm.student_id", "=", "n.student_id")
          .where("tm.user_id", "=", userId)
          .where("tm.removed_at", "is", null)
      )
    );
}

/**
 * The make-ups now recorded (latest version, not voided) for the sessions the notices are about, by the missed
 * record's id: a make-up repays its service's session of the day it names (`repays_date`).
 */
async function makeUpsByRecord(
  db: Executor,
  recordIds: readonly (string | null)[]
): Promise<Map<string, MakeUpDone[]>> {
  const ids = [...new Set(recordIds.filter((id): id is string => id !== null))];
  const out = new Map<string, MakeUpDone[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("session_records as missed")
    .innerJoin("session_records as mu", (join) =>
      join
        .onRef("mu.service_id", "=", "missed.service_id")
        .onRef("mu.repays_date", "=", "missed.date")
    )
    .select([
      "missed.record_id as missed_id",
      "mu.record_id",
      "mu.date",
      "mu.minutes",
    ])
    .distinct()
    .where("missed.record_id", "in", ids)
    .where("mu.kind", "=", "make_up")
    .where("mu.voided", "=", 0)
    .where(({ eb, selectFrom }) =>
      eb(
        "mu.version",
        "=",
        selectFrom("session_records as newer")
          .select((n) => n.fn.max("newer.version").as("v"))
          .whereRef("newer.record_id", "=", "mu.record_id")
      )
    )
    .execute();
  for (const r of rows) {
    const list = out.get(r.missed_id) ?? [];
    list.push({ date: r.date as IsoDate, minutes: r.minutes ?? 0 });
    out.set(r.missed_id, list);
  }
  return out;
}

/** The latest version of each missed record a notice is about: a later correction changes what the notice says. */
async function missesNow(
  db: Executor,
  recordIds: readonly (string | null)[]
): Promise<Map<string, MissNow>> {
  const ids = [...new Set(recordIds.filter((id): id is string => id !== null))];
  const out = new Map<string, MissNow>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("session_records as r")
    .select(["r.record_id", "r.kind", "r.minutes", "r.voided"])
    .where("r.record_id", "in", ids)
    .where(({ eb, selectFrom }) =>
      eb(
        "r.version",
        "=",
        selectFrom("session_records as newer")
          .select((n) => n.fn.max("newer.version").as("v"))
          .whereRef("newer.record_id", "=", "r.record_id")
      )
    )
    .execute();
  for (const r of rows) out.set(r.record_id, { kind: r.kind, minutes: r.minutes, voided: r.voided === 1 });
  return out;
}

/** Each notice with what has happened since it was sent. */
async function withSince<T extends { relatedId: string | null }>(
  db: Executor,
  notices: T[]
): Promise<(T & { since: string | null })[]> {
  const related = notices.map((n) => n.relatedId);
  const makeUps = await makeUpsByRecord(db, related);
  const now = await missesNow(db, related);
  return notices.map((n) => ({
    ...n,
    since: noticeSinceText(
      (n.relatedId && makeUps.get(n.relatedId)) || [],
      (n.relatedId && now.get(n.relatedId)) || null
    ),
  }));
}

type VisibleRow = Awaited<
  ReturnType<ReturnType<typeof visibleTo>["execute"]>
>[number];

function shapeMine(r: VisibleRow): Omit<MyNotification, "since"> {
  return {
    id: r.id,
    studentId: r.student_id,
    studentName: r.student_name,
    kind: r.kind,
    text: r.text,
    relatedId: r.related_id,
    createdAt: r.created_at,
    seenAt: r.seen_at,
  };
}

/** Newest first; `unseen` leaves out the ones already marked seen. */
export async function myNotifications(
  db: DB,
  userId: string,
  opts: { unseen?: boolean | undefined } = {}
): Promise<MyNotification[]> {
  let q = visibleTo(db, userId);
  if (opts.unseen) q = q.where("n.seen_at", "is", null);
  const rows = await q
    .orderBy("n.created_at", "desc")
    .orderBy("n.id")
    .limit(100)
    .execute();
  return withSince(db, rows.map(shapeMine));
}

/**
 * Marks one of the caller's own notices seen. Anyone else's id answers exactly like an id that does not exist,
 * so ids cannot be probed. Marking twice keeps the first time: that is when the family saw it.
 */
export async function markNotificationSeen(
  db: DB,
  args: { userId: string; id: string; now: Date }
): Promise<MyNotification> {
  return db.transaction().execute(async (trx) => {
    const row = await visibleTo(trx, args.userId)
      .where("n.id", "=", args.id)
      .executeTakeFirst();
    if (!row)
      throw new DomainError("NOT_FOUND", t("refusals.notificationNotFound"));
    if (row.seen_at) return (await withSince(trx, [shapeMine(row)]))[0]!;
    const seenAt = args.now.toISOString();
    await trx
      .updateTable("notifications")
      .set({ seen_at: seenAt })
      .where("id", "=", args.id)
      .where("user_id", "=", args.userId)
      .execute();
    await recordAudit(trx, {
      actorId: args.userId,
      entity: "notification",
      entityId: args.id,
      action: "seen",
      before: { seenAt: null },
      after: { seenAt, studentId: row.student_id },
      at: args.now,
    });
    return (await withSince(trx, [shapeMine({ ...row, seen_at: seenAt })]))[0]!;
  });
}

/** Every notice sent to the student's family, to whom, and when (if ever) it was seen: what the school can point to. */
export async function sentForStudent(
  db: DB,
  studentId: string
): Promise<SentNotification[]> {
  const rows = await db
    .selectFrom("notifications as n")
    .innerJoin("users", "users.id", "n.user_id")
    .select([
      "n.id",
      "users.name as recipient_name",
      "n.kind",
      "n.text",
      "n.related_id",
      "n.created_at",
      "n.seen_at",
    ])
    .where("n.student_id", "=", studentId)
    // The family's notices only: a case manager's own (an unrecorded session, an alert) is not something sent to
    // the family. A parent since removed still counts: what was sent to them stays on record.
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("team_members as tm")
          .select("tm.id")
          .whereRef("tm.student_id", "=", "n.student_id")
          .whereRef("tm.user_id", "=", "n.user_id")
          .where("tm.role", "=", "parent")
      )
    )
    .orderBy("n.created_at", "desc")
    .orderBy("users.name")
    .limit(200)
    .execute();
  return withSince(
    db,
    rows.map((r) => ({
      id: r.id,
      recipientName: r.recipient_name,
      kind: r.kind,
      text: r.text,
      relatedId: r.related_id,
      createdAt: r.created_at,
      seenAt: r.seen_at,
    }))
  );
}

/** Tells every active parent on the student's team that a support was recorded "not provided", in the check's transaction. */
export async function notifyParentsOfSupportNotProvided(
  trx: Executor,
  args: { studentId: string; checkId: string; support: string; date: IsoDate; reason: string | null; actorId: string; now: Date }
): Promise<number> {
  const parents = await trx
    .selectFrom("team_members")
    .select("user_id")
    .distinct()
    .where("student_id", "=", args.studentId)
    .where("role", "=", "parent")
    .where("removed_at", "is", null)
    .execute();
  const text = () => supportNotProvidedText({ support: args.support, date: args.date, reason: args.reason });
  for (const p of parents) {
    await notify(
      trx,
      {
        userId: p.user_id,
        studentId: args.studentId,
        kind: "support_not_provided",
        text,
        relatedId: args.checkId,
        actorId: args.actorId,
        subject: () => ({ service: args.support, date: formatSchoolDate(args.date) }),
      },
      args.now
    );
  }
  return parents.length;
}
