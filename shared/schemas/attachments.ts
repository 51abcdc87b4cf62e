import { z } from '../zod.ts'
import { LISTED_OWNER_KINDS, OWNER_KINDS } from '../attachments.ts'
import { idSchema } from './plan.ts'

/** The record a file is attached to. */
export const attachmentOwnerSchema = z.object({ ownerKind: z.enum(OWNER_KINDS), ownerId: idSchema })

export const attachmentRefSchema = z.object({ attachmentId: idSchema })

/** The kind of record whose files are counted all at once (a page that lists many of them). */
export const attachmentCountsSchema = z.object({ ownerKind: z.enum(LISTED_OWNER_KINDS) })
