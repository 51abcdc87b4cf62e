import { type OwnerKind, OWNER_VIEW_ACTION } from '#shared/attachments.ts'
import { DomainError } from '#shared/domain-error.ts'
import { can } from '#shared/permissions.ts'
import { attachmentCountsSchema, attachmentOwnerSchema, attachmentRefSchema } from '#shared/schemas/attachments.ts'
import { t } from '#shared/i18n/i18n.ts'
import { attachmentOwner, countAttachments, getAttachment, listAttachments, removeAttachment } from '../../services/attachments.server.ts'
import { owns } from '../owned.server.ts'
import { actor, router, studentProcedure } from '../trpc.server.ts'

type Ctx = Parameters<typeof owns>[0]

/**
 * The record a file is attached to must be one the caller may read: its own action in the table (a notebook's
 * `notes.view`, a concern's `concerns.view`…) and, for a concern or one of its letters, the concern's visibility
 * ('concern.read'). Otherwise NOT_FOUND, worded like a record that does not exist: a family-only concern's files
 * never reach staff, and they do not learn there is anything there.
 */
export async function requireOwnerReadable(ctx: Ctx, studentId: string, kind: OwnerKind, ownerId: string, notFound: string = t('attachments.refused.notFound')): Promise<void> {
  const owner = await attachmentOwner(ctx.db, studentId, kind, ownerId)
  const readable =
    owner.found && can(ctx.access.role, OWNER_VIEW_ACTION[kind]) && (!owner.concern || owns(ctx, 'concern.read', { sharedWithTeam: owner.concern.sharedWithTeam }))
  if (!readable) throw new DomainError('NOT_FOUND', notFound)
}

export const attachmentsRouter = router({
  /** The files attached to one record, with whether the caller may add files and remove each one. */
  list: studentProcedure('attachments.view')
    .input(attachmentOwnerSchema)
    .query(async ({ ctx, input }) => {
      await requireOwnerReadable(ctx, input.studentId, input.ownerKind, input.ownerId)
      const files = await listAttachments(ctx.db, input)
      const mayAdd = can(ctx.access.role, 'attachments.add')
      return { mayAdd, files: files.map((f) => ({ ...f, mayRemove: mayAdd && f.uploadedBy === ctx.user.id })) }
    }),
  /**
   * How many files each of the student's data points or session records has (only those with any): a page of dozens
   * of them shows the counts and opens one record's files at a time. Who may not read that kind of record gets FORBIDDEN.
   */
  counts: studentProcedure('attachments.view')
    .input(attachmentCountsSchema)
    .query(async ({ ctx, input }) => {
      if (!can(ctx.access.role, OWNER_VIEW_ACTION[input.ownerKind])) throw new DomainError('FORBIDDEN', t('refusals.roleCannot'))
      return countAttachments(ctx.db, input)
    }),
  /**
   * One file's facts, for its download (server/http/attachments.server.ts): the gate, the record's own rule, and the
   * record of access (every download by someone at school is logged as 'export:attachment').
   */
  file: studentProcedure('attachments.view')
    .input(attachmentRefSchema)
    .query(async ({ ctx, input }) => {
      const file = await getAttachment(ctx.db, input.studentId, input.attachmentId)
      if (!file) throw new DomainError('NOT_FOUND', t('attachments.notFound'))
      await requireOwnerReadable(ctx, input.studentId, file.ownerKind, file.ownerId, t('attachments.notFound'))
      return { id: file.id, fileName: file.fileName, mediaType: file.mediaType, size: file.size, sha256: file.sha256 }
    }),
  /** Asked by the upload handler before it reads a byte: may the caller attach a file to this record? Writes nothing. */
  mayAttach: studentProcedure('attachments.add')
    .input(attachmentOwnerSchema)
    .mutation(async ({ ctx, input }) => {
      await requireOwnerReadable(ctx, input.studentId, input.ownerKind, input.ownerId)
      return { actorId: ctx.user.id, now: ctx.now().toISOString() }
    }),
  /** Hides a file the caller attached (the bytes and the row stay; the history says who removed it and when). */
  remove: studentProcedure('attachments.add')
    .input(attachmentRefSchema)
    .mutation(async ({ ctx, input }) => {
      const file = await getAttachment(ctx.db, input.studentId, input.attachmentId)
      if (!file) throw new DomainError('NOT_FOUND', t('attachments.notFound'))
      await requireOwnerReadable(ctx, input.studentId, file.ownerKind, file.ownerId, t('attachments.notFound'))
      await removeAttachment(ctx.db, { ...input, ...actor(ctx) })
      return { removed: file.fileName, ownerKind: file.ownerKind, ownerId: file.ownerId }
    }),
})
