import { z } from 'zod'
import { OWNER_KINDS } from '../attachments.ts'
import { idSchema } from './plan.ts'

/** The record a file is attached to. */
export const attachmentOwnerSchema = z.object({ ownerKind: z.enum(OWNER_KINDS), ownerId: idSchema })

export const attachmentRefSchema = z.object({ attachmentId: idSchema })
