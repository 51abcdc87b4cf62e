import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { fileTypeFromFile } from 'file-type'
import type { DB } from '#db/client.server.ts'
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentType,
  detectTextType,
  isBinaryType,
  type OwnerKind,
  safeFileName,
  type UploadRefusal,
} from '#shared/attachments.ts'
import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import { recordChange } from './audit.server.ts'
import type { Executor } from './audit.server.ts'

/**
 * Attached files (docs/attachments.md). The bytes live in an `attachments/` folder beside the database file, each
 * named by the SHA-256 of its content (the same bytes are stored once); the `attachments` table says which record
 * each belongs to. An upload is streamed to a temporary file in that folder while it is hashed and counted, its type
 * is read from its bytes, and only then is it renamed into place and its row written: a refused or half-sent file
 * leaves nothing behind and is never listed.
 */

/** The folder of attached files for a database file: `attachments/` beside it. */
export function attachmentsDir(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'attachments')
}

const dirs = new WeakMap<DB, string>()

/** The attachments folder of an open database: beside the file SQLite reports for it (each test database has its own). */
export async function attachmentsDirOf(db: DB): Promise<string> {
  const known = dirs.get(db)
  if (known) return known
  const row = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db)
  const file = row.rows[0]?.file
  if (!file) throw new Error('Attached files need a database on disk, not in memory.')
  const dir = attachmentsDir(file)
  dirs.set(db, dir)
  return dir
}

/** An upload that was refused: `reason` names the sentence a person reads (attachments.refused.*). */
export class UploadRefused extends Error {
  constructor(readonly reason: UploadRefusal) {
    super(t(`attachments.refused.${reason}`))
    this.name = 'UploadRefused'
  }
}

/** A file received and checked, waiting in its temporary place to be committed (or discarded). */
export interface ReceivedFile {
  tempPath: string
  sha256: string
  size: number
  mediaType: AttachmentType
}

const TEMP_PREFIX = '.upload-'

/**
 * Streams one file into a temporary file of `dir`, hashing and counting as it goes; refuses it the moment it
 * passes the size limit, and refuses it empty or of a type not allowed. A refusal deletes the temporary file.
 */
export async function receiveUpload(dir: string, data: AsyncIterable<Uint8Array>, maxBytes = ATTACHMENT_MAX_BYTES): Promise<ReceivedFile> {
  await fs.promises.mkdir(dir, { recursive: true })
  const tempPath = path.join(dir, `${TEMP_PREFIX}${randomUUID()}`)
  const hash = createHash('sha256')
  let size = 0
  const out = await fs.promises.open(tempPath, 'wx')
  try {
    try {
      for await (const chunk of data) {
        size += chunk.byteLength
        if (size > maxBytes) throw new UploadRefused('tooLarge')
        hash.update(chunk)
        await out.write(chunk)
      }
    } finally {
      await out.close()
    }
    if (size === 0) throw new UploadRefused('empty')
    const mediaType = await typeOf(tempPath)
    if (!mediaType) throw new UploadRefused('wrongType')
    return { tempPath, sha256: hash.digest('hex'), size, mediaType }
  } catch (error) {
    await fs.promises.rm(tempPath, { force: true })
    throw error
  }
}

/** The type from the bytes alone: file-type for those with a magic number, the shared text check for the rest. */
async function typeOf(file: string): Promise<AttachmentType | null> {
  const found = await fileTypeFromFile(file)
  if (found) return isBinaryType(found.mime) ? found.mime : null
  return detectTextType(await fs.promises.readFile(file))
}

/** Deletes a received file that will not be committed (the request failed after it arrived). */
export async function discardUpload(file: ReceivedFile | null): Promise<void> {
  if (file) await fs.promises.rm(file.tempPath, { force: true })
}

export interface NewAttachment {
  studentId: string
  ownerKind: OwnerKind
  ownerId: string
  fileName: string
  actorId: string
  now: Date
}

/**
 * Moves a received file into place under its hash (atomically; bytes already there are kept and the copy dropped),
 * then writes its row and the history entry together. The person's permission was checked before the upload began.
 */
export async function commitUpload(db: DB, dir: string, file: ReceivedFile, args: NewAttachment): Promise<{ id: string; fileName: string }> {
  const target = path.join(dir, file.sha256)
  if (fs.existsSync(target)) await fs.promises.rm(file.tempPath, { force: true })
  else await fs.promises.rename(file.tempPath, target)
  const id = randomUUID()
  const fileName = safeFileName(args.fileName, file.mediaType)
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('attachments')
      .values({
        id,
        student_id: args.studentId,
        owner_kind: args.ownerKind,
        owner_id: args.ownerId,
        sha256: file.sha256,
        size: file.size,
        media_type: file.mediaType,
        file_name: fileName,
        uploaded_by: args.actorId,
        uploaded_at: args.now.toISOString(),
        removed_at: null,
        removed_by: null,
      })
      .execute()
    await recordChange(trx, args, {
      entity: 'attachment',
      action: 'add',
      entityId: id,
      after: { ownerKind: args.ownerKind, ownerId: args.ownerId, fileName, mediaType: file.mediaType, size: file.size, sha256: file.sha256 },
    })
  })
  return { id, fileName }
}

/** What a page lists of one attached file. */
export interface AttachmentView {
  id: string
  ownerKind: OwnerKind
  ownerId: string
  fileName: string
  mediaType: string
  size: number
  sha256: string
  uploadedAt: string
  uploadedBy: string
  uploadedByName: string
}

function attachmentRows(db: Executor, studentId: string) {
  return db
    .selectFrom('attachments')
    .innerJoin('users', 'users.id', 'attachments.uploaded_by')
    .select([
      'attachments.id',
      'attachments.owner_kind',
      'attachments.owner_id',
      'attachments.file_name',
      'attachments.media_type',
      'attachments.size',
      'attachments.sha256',
      'attachments.uploaded_at',
      'attachments.uploaded_by',
      'users.name as uploaded_by_name',
    ])
    .where('attachments.student_id', '=', studentId)
    .where('attachments.removed_at', 'is', null)
}

type Row = Awaited<ReturnType<ReturnType<typeof attachmentRows>['execute']>>[number]

function view(r: Row): AttachmentView {
  return {
    id: r.id,
    ownerKind: r.owner_kind,
    ownerId: r.owner_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    uploadedAt: r.uploaded_at,
    uploadedBy: r.uploaded_by,
    uploadedByName: r.uploaded_by_name,
  }
}

/** The files attached to one record, oldest first; removed ones are not listed. */
export async function listAttachments(db: Executor, args: { studentId: string; ownerKind: OwnerKind; ownerId: string }): Promise<AttachmentView[]> {
  const rows = await attachmentRows(db, args.studentId)
    .where('attachments.owner_kind', '=', args.ownerKind)
    .where('attachments.owner_id', '=', args.ownerId)
    .orderBy('attachments.uploaded_at')
    .orderBy('attachments.id')
    .execute()
  return rows.map(view)
}

/** How many files (not removed) each record of one kind has, by record id; records without any are left out. */
export async function countAttachments(db: Executor, args: { studentId: string; ownerKind: OwnerKind }): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('attachments')
    .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('student_id', '=', args.studentId)
    .where('owner_kind', '=', args.ownerKind)
    .where('removed_at', 'is', null)
    .groupBy('owner_id')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.owner_id, Number(r.n)]))
}

/** One attached file of the student that is not removed, or null. */
export async function getAttachment(db: Executor, studentId: string, attachmentId: string): Promise<AttachmentView | null> {
  const row = await attachmentRows(db, studentId).where('attachments.id', '=', attachmentId).executeTakeFirst()
  return row ? view(row) : null
}

/** Where an attached file's bytes are. */
export function attachmentPath(dir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Not a SHA-256')
  return path.join(dir, sha256)
}

/** Hides a file from every list (the row and the bytes stay: nothing a person entered is lost). Only its uploader. */
export async function removeAttachment(db: DB, args: { studentId: string; attachmentId: string; actorId: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await getAttachment(trx, args.studentId, args.attachmentId)
    if (!row) throw new DomainError('NOT_FOUND', t('attachments.notFound'))
    if (row.uploadedBy !== args.actorId) throw new DomainError('FORBIDDEN', t('attachments.removeOwnOnly'))
    const at = args.now.toISOString()
    await trx.updateTable('attachments').set({ removed_at: at, removed_by: args.actorId }).where('id', '=', row.id).execute()
    await recordChange(trx, args, {
      entity: 'attachment',
      action: 'remove',
      entityId: row.id,
      after: { ownerKind: row.ownerKind, ownerId: row.ownerId, fileName: row.fileName, removedAt: at },
    })
  })
}

/**
 * The record a file is (to be) attached to, if it is the student's: for a concern or a letter, the concern it
 * belongs to and whether it is shared with the team, so its files follow the concern's visibility.
 */
export async function attachmentOwner(
  db: Executor,
  studentId: string,
  kind: OwnerKind,
  ownerId: string,
): Promise<{ found: false } | { found: true; concern: { id: string; sharedWithTeam: boolean } | null }> {
  const none = { found: false } as const
  switch (kind) {
    case 'concern': {
      const c = await db.selectFrom('concerns').select(['id', 'visibility']).where('student_id', '=', studentId).where('id', '=', ownerId).executeTakeFirst()
      return c ? { found: true, concern: { id: c.id, sharedWithTeam: c.visibility === 'team' } } : none
    }
    case 'letter': {
      const c = await db
        .selectFrom('letters_sent')
        .innerJoin('concerns', 'concerns.id', 'letters_sent.concern_id')
        .select(['concerns.id', 'concerns.visibility'])
        .where('concerns.student_id', '=', studentId)
        .where('letters_sent.id', '=', ownerId)
        .executeTakeFirst()
      return c ? { found: true, concern: { id: c.id, sharedWithTeam: c.visibility === 'team' } } : none
    }
    case 'session_record': {
      const r = await db.selectFrom('session_records').select('id').where('student_id', '=', studentId).where('record_id', '=', ownerId).executeTakeFirst()
      return r ? { found: true, concern: null } : none
    }
    case 'progress_point': {
      const r = await db.selectFrom('progress_points').select('id').where('student_id', '=', studentId).where('id', '=', ownerId).executeTakeFirst()
      return r ? { found: true, concern: null } : none
    }
    case 'notebook': {
      const r = await db.selectFrom('notebooks').select('id').where('student_id', '=', studentId).where('id', '=', ownerId).executeTakeFirst()
      return r ? { found: true, concern: null } : none
    }
  }
}

/** One file for an export (the family's ZIP), with the absolute path of its bytes. */
export interface ExportedAttachment extends Omit<AttachmentView, 'uploadedBy' | 'uploadedByName'> {
  path: string
}

/** Ids of the family-only concerns' attached files (and their letters'): what the school's side never sees. */
export function familyOnlyAttachmentIds(db: Executor, studentId: string) {
  const familyConcerns = db.selectFrom('concerns').select('id').where('student_id', '=', studentId).where('visibility', '=', 'family')
  const familyLetters = db.selectFrom('letters_sent').select('id').where('concern_id', 'in', familyConcerns)
  return db
    .selectFrom('attachments')
    .select('id')
    .where('student_id', '=', studentId)
    .where(({ eb, or, and }) =>
      or([
        and([eb('owner_kind', '=', 'concern'), eb('owner_id', 'in', familyConcerns)]),
        and([eb('owner_kind', '=', 'letter'), eb('owner_id', 'in', familyLetters)]),
      ]),
    )
}

/**
 * Every file attached to the student's records, oldest first, for an export: removed ones left out, and on the
 * school's side the files of family-only concerns (and of their letters) too.
 */
export async function listStudentAttachments(db: DB, studentId: string, options: { side: 'family' | 'school' }): Promise<ExportedAttachment[]> {
  const dir = await attachmentsDirOf(db)
  let query = attachmentRows(db, studentId)
  if (options.side === 'school') query = query.where('attachments.id', 'not in', familyOnlyAttachmentIds(db, studentId))
  const rows = await query.orderBy('attachments.uploaded_at').orderBy('attachments.id').execute()
  return rows.map((r) => {
    const v = view(r)
    return {
      id: v.id,
      ownerKind: v.ownerKind,
      ownerId: v.ownerId,
      fileName: v.fileName,
      mediaType: v.mediaType,
      size: v.size,
      sha256: v.sha256,
      uploadedAt: v.uploadedAt,
      path: attachmentPath(dir, v.sha256),
    }
  })
}
