import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { ladderStep } from '#shared/concerns.ts'
import { DomainError } from '#shared/domain-error.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import { defaultResponseDue, type LetterChannel, letterOverdue, oldestOverdue, responseDueRefusal, sentOnRefusal, unansweredSuggestion } from '#shared/letters-sent.ts'
import type { MarkLetterSentInput, RecordLetterResponseInput, SendLetterInput } from '#shared/schemas/letters.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { enqueueMail } from '../mail/outbox.server.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { closureSet, closuresForStudent } from './calendar.server.ts'
import { current, loadOne, type Viewer } from './concerns-read.server.ts'

/** Letters as sent records (docs/letters.md): sending, recording by hand, the answer, and the unanswered flag. */

interface Writer extends Viewer {
  actorId: string
  now: Date
  today: IsoDate
}

export interface LetterRecipient {
  name: string
  email: string
}

export interface SentLetter {
  id: string
  channel: LetterChannel
  channelNote: string
  sentOn: IsoDate
  sentByName: string
  recipients: LetterRecipient[]
  subject: string
  body: string
  responseDueOn: IsoDate
  responseReceivedOn: IsoDate | null
  responseNote: string
  overdue: boolean
}

/** The school-side people of the student's team a letter may be addressed to: names and emails, as the team page shows them. */
export async function letterRecipients(db: Executor, studentId: string): Promise<{ userId: string; name: string; email: string; role: string }[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['users.id as userId', 'users.name', 'users.email', 'team_members.role'])
    .where('team_members.student_id', '=', studentId)
    .where('team_members.removed_at', 'is', null)
    .where('team_members.role', '!=', 'parent')
    .orderBy('users.name')
    .execute()
  return rows
}

async function chosenDue(db: Executor, studentId: string, sentOn: IsoDate, dueOn: IsoDate | undefined): Promise<IsoDate> {
  const closures = closureSet(await closuresForStudent(db, studentId))
  if (!dueOn) return defaultResponseDue(sentOn, closures)
  const refusal = responseDueRefusal(dueOn, sentOn, closures)
  if (refusal) throw new DomainError('BAD_REQUEST', refusal, 'responseDueOn')
  return dueOn
}

function audit(trx: Executor, args: Writer, concernId: string, action: 'send_letter' | 'mark_letter_sent' | 'letter_answered', after: unknown) {
  return recordChange(trx, args, { entity: 'concern', entityId: concernId, action, after })
}

/**
 * "Send by email": one message to each named person (team members by id, typed addresses), a copy to the sender,
 * and the letter as an entry of the concern — all in one transaction, so a letter is never recorded unsent or sent
 * unrecorded. The sender's name and address sign the body, so recipients answer the person, not the app.
 */
export async function sendLetter(db: DB, args: Omit<SendLetterInput, 'studentId'> & Writer): Promise<{ letterId: string; responseDueOn: IsoDate; mailed: number }> {
  return db.transaction().execute(async (trx) => {
    await loadOne(trx, args, args.concernId)
    const team = await letterRecipients(trx, args.studentId)
    const recipients: LetterRecipient[] = []
    const seen = new Set<string>()
    const add = (r: LetterRecipient) => {
      const key = r.email.toLowerCase()
      if (seen.has(key)) return
      seen.add(key)
      recipients.push(r)
    }
    for (const id of args.recipientUserIds) {
      const member = team.find((m) => m.userId === id)
      if (!member) throw new DomainError('BAD_REQUEST', t('letters.notOnTeam'), 'recipientUserIds')
      add({ name: member.name, email: member.email })
    }
    for (const email of args.otherEmails) add({ name: '', email })
    const sender = await trx.selectFrom('users').select(['name', 'email']).where('id', '=', args.actorId).executeTakeFirstOrThrow()
    const student = await trx.selectFrom('students').select(['name', 'school_id']).where('id', '=', args.studentId).executeTakeFirstOrThrow()
    const responseDueOn = await chosenDue(trx, args.studentId, args.today, args.responseDueOn)
    const letterId = randomUUID()
    const paragraphs = args.body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean)
    const signature = t('letters.mailSignature', { sender: sender.name, email: sender.email })
    const answerBy = t('letters.mailAnswerBy', { date: formatDay(responseDueOn, 'long') })
    for (const r of recipients) {
      await enqueueMail(
        trx,
        {
          to: r.email,
          toName: r.name || null,
          schoolId: student.school_id,
          studentId: args.studentId,
          kind: 'letter',
          compose: () => ({
            subject: args.subject,
            body: { greeting: r.name ? t('letters.mailGreeting', { name: r.name }) : null, paragraphs: [t('letters.mailIntro', { sender: sender.name, student: student.name }), ...paragraphs, answerBy, signature] },
          }),
          dedupeKey: `letter:${letterId}:${r.email.toLowerCase()}`,
        },
        args.now,
      )
    }
    if (!seen.has(sender.email.toLowerCase())) {
      const names = recipients.map((r) => r.name || r.email).join(', ')
      await enqueueMail(
        trx,
        {
          to: sender.email,
          toName: sender.name,
          userId: args.actorId,
          schoolId: student.school_id,
          studentId: args.studentId,
          kind: 'letter',
          compose: () => ({
            subject: args.subject,
            body: { greeting: t('letters.mailGreeting', { name: sender.name }), paragraphs: [t('letters.mailCopy', { recipients: names }), ...paragraphs, answerBy, signature] },
          }),
          dedupeKey: `letter:${letterId}:copy`,
        },
        args.now,
      )
    }
    await trx
      .insertInto('letters_sent')
      .values({
        id: letterId,
        concern_id: args.concernId,
        sent_by: args.actorId,
        channel: 'email',
        sent_on: args.today,
        recipients: JSON.stringify(recipients),
        subject: args.subject,
        body: args.body,
        response_due_on: responseDueOn,
        response_received_on: null,
        created_at: args.now.toISOString(),
      })
      .execute()
    await audit(trx, args, args.concernId, 'send_letter', { letterId, recipients: recipients.length, responseDueOn })
    return { letterId, responseDueOn, mailed: recipients.length }
  })
}

/** "Mark as sent by hand": the date (not in the future, not before the concern) and the channel, no mail. */
export async function markLetterSent(db: DB, args: Omit<MarkLetterSentInput, 'studentId'> & Writer): Promise<{ letterId: string; responseDueOn: IsoDate }> {
  return db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    const refusal = sentOnRefusal(args.sentOn, current(loaded).v.date, args.today)
    if (refusal) throw new DomainError('BAD_REQUEST', refusal, 'sentOn')
    const responseDueOn = await chosenDue(trx, args.studentId, args.sentOn, args.responseDueOn)
    const letterId = randomUUID()
    await trx
      .insertInto('letters_sent')
      .values({
        id: letterId,
        concern_id: args.concernId,
        sent_by: args.actorId,
        channel: args.channel,
        channel_note: args.channelNote,
        sent_on: args.sentOn,
        recipients: JSON.stringify(args.sentTo ? [{ name: args.sentTo, email: '' }] : []),
        subject: args.subject,
        body: args.body,
        response_due_on: responseDueOn,
        response_received_on: null,
        created_at: args.now.toISOString(),
      })
      .execute()
    await audit(trx, args, args.concernId, 'mark_letter_sent', { letterId, sentOn: args.sentOn, channel: args.channel, responseDueOn })
    return { letterId, responseDueOn }
  })
}

/** The answer, recorded once: it clears the unanswered flag. */
export async function recordLetterResponse(db: DB, args: Omit<RecordLetterResponseInput, 'studentId'> & Writer): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await loadOne(trx, args, args.concernId)
    const letter = await trx.selectFrom('letters_sent').select(['sent_on', 'response_received_on']).where('id', '=', args.letterId).where('concern_id', '=', args.concernId).executeTakeFirst()
    if (!letter) throw new DomainError('BAD_REQUEST', t('letters.letterNotFound'), 'letterId')
    if (letter.response_received_on) throw new DomainError('CONFLICT', t('letters.alreadyAnswered'))
    if (args.receivedOn > args.today) throw new DomainError('BAD_REQUEST', t('letters.answerInFuture'), 'receivedOn')
    if (args.receivedOn < letter.sent_on) throw new DomainError('BAD_REQUEST', t('letters.answerBeforeSent'), 'receivedOn')
    await trx
      .updateTable('letters_sent')
      .set({ response_received_on: args.receivedOn, response_note: args.note, response_recorded_by: args.actorId })
      .where('id', '=', args.letterId)
      .execute()
    await audit(trx, args, args.concernId, 'letter_answered', { letterId: args.letterId, receivedOn: args.receivedOn })
  })
}

/** A concern's letters, newest first, each with its unanswered flag; the concern must be one the caller may read. */
export async function concernLetters(db: DB, args: Viewer & { concernId: string; today: IsoDate }): Promise<{ letters: SentLetter[]; suggestion: string | null }> {
  const loaded = await loadOne(db, args, args.concernId)
  const rows = await db
    .selectFrom('letters_sent')
    .innerJoin('users', 'users.id', 'letters_sent.sent_by')
    .selectAll('letters_sent')
    .select('users.name as sentByName')
    .where('concern_id', '=', args.concernId)
    .orderBy('sent_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
  const letters: SentLetter[] = rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    channelNote: r.channel_note,
    sentOn: r.sent_on,
    sentByName: r.sentByName,
    recipients: JSON.parse(r.recipients) as LetterRecipient[],
    subject: r.subject,
    body: r.body,
    responseDueOn: r.response_due_on,
    responseReceivedOn: r.response_received_on,
    responseNote: r.response_note,
    overdue: letterOverdue({ sentOn: r.sent_on, responseDueOn: r.response_due_on, responseReceivedOn: r.response_received_on }, args.today),
  }))
  const oldest = oldestOverdue(letters, args.today)
  const { s, v } = current(loaded)
  const resolved = v.status === 'resolved'
  const next = s.step < 6 ? ladderStep(s.step + 1).title : null
  return { letters, suggestion: oldest && !resolved ? unansweredSuggestion(formatDay(oldest.sentOn), next) : null }
}

/** For the concern log list: the concerns (among those given) with a letter unanswered past its due date. */
export async function concernsWithUnansweredLetters(db: Executor, concernIds: readonly string[], today: IsoDate): Promise<Set<string>> {
  if (concernIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('letters_sent')
    .select('concern_id')
    .where('concern_id', 'in', concernIds)
    .where('response_received_on', 'is', null)
    .where('response_due_on', '<', today)
    .execute()
  return new Set(rows.map((r) => r.concern_id))
}
