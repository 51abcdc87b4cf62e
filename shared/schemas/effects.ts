import { z } from '../zod.ts'
import { EFFECT_KINDS, EFFECT_NOTE_MAX } from '../effects.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { studentIdSchema } from './ids.ts'
import { idSchema, isoDateSchema } from './plan.ts'
import { readText, textSchema } from './text.ts'
import { concerns } from '../i18n/en/concerns.ts'
import { effects } from '../i18n/en/effects.ts'

addSections({ concerns, effects })

const note = textSchema(() => t('effects.noteLabel'), 'multi-line', { error: () => t('concerns.mustBeText', { label: readText(() => t('effects.noteLabel')) }) }).max(EFFECT_NOTE_MAX, {
  error: () => t('concerns.tooLong', { label: t('effects.noteLabel'), max: EFFECT_NOTE_MAX }),
})

/** What a person records: the day, what happened, the goal it followed (if known) and a short note. */
export const effectFieldsSchema = z.object({
  date: isoDateSchema,
  kind: z.enum(EFFECT_KINDS, { error: () => t('effects.kindRequired') }),
  goalId: idSchema.optional(),
  note: note.default(''),
})

export const recordEffectSchema = effectFieldsSchema.extend({ studentId: studentIdSchema })
export type RecordEffectInput = z.infer<typeof recordEffectSchema>

export const correctEffectSchema = effectFieldsSchema.extend({ studentId: studentIdSchema, effectId: idSchema })
export type CorrectEffectInput = z.infer<typeof correctEffectSchema>

export const removeEffectSchema = z.object({ studentId: studentIdSchema, effectId: idSchema, reason: note.default('') })
export type RemoveEffectInput = z.infer<typeof removeEffectSchema>

/** The student page's form: the input without the id the address carries; "" for "no particular goal". */
export const effectFormSchema = effectFieldsSchema.extend({ goalId: z.union([z.literal(''), idSchema]).optional().transform((v) => (v ? v : undefined)) })
export const EFFECT_INTENTS = ['record', 'correct', 'remove'] as const
export const effectIntentSchema = z.object({ intent: z.enum(EFFECT_INTENTS, { error: () => t('concerns.unknownAction') }) })
export const effectRemoveFormSchema = removeEffectSchema.omit({ studentId: true })
export const effectCorrectFormSchema = effectFormSchema.extend({ effectId: idSchema })
