import type { AppLoadContext } from '@remix-run/node'
import type { MissedReason } from '#shared/services.ts'
import type { SessionActionData, SessionIntent } from './session-forms.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'

const INTENTS: readonly SessionIntent[] = ['delivered', 'missed', 'make_up', 'correct', 'void']

const SAVED: Record<SessionIntent, string> = {
  delivered: 'Delivered session saved.',
  missed: 'Missed session saved.',
  make_up: 'Make-up saved.',
  correct: 'Correction saved; the earlier version is kept.',
  void: 'Record voided; it stays visible, struck through.',
}

/**
 * Records, corrects or voids a session through the sessions procedures, which check who may do it and
 * validate with the shared schemas. "" becomes undefined so the schema says "Enter …", not "expected …".
 */
export async function sessionAction(context: AppLoadContext, form: FormData): Promise<SessionActionData> {
  const values: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string') values[key] = value
  const s = (key: string) => (values[key] ?? '').trim()
  const optional = (key: string) => s(key) || undefined
  const number = (key: string) => (s(key) === '' ? undefined : Number(s(key))) as number
  const intent = (INTENTS as readonly string[]).includes(s('intent')) ? (s('intent') as SessionIntent) : 'void'
  const target = s('target')
  const studentId = s('studentId')

  const result = await actionResult(() => {
    switch (intent) {
      case 'delivered':
        return context.trpc.sessions.record({ studentId, serviceId: s('serviceId'), kind: 'delivered', date: s('date'), minutes: number('minutes'), note: optional('note') })
      case 'missed':
        return context.trpc.sessions.record({ studentId, serviceId: s('serviceId'), kind: 'missed', date: s('date'), reason: s('reason') as MissedReason, note: optional('note') })
      case 'make_up':
        return context.trpc.sessions.record({
          studentId,
          serviceId: s('serviceId'),
          kind: 'make_up',
          date: s('date'),
          minutes: number('minutes'),
          repaysDate: s('repaysDate'),
          note: optional('note'),
        })
      case 'correct':
        return context.trpc.sessions.correct({
          studentId,
          recordId: s('recordId'),
          kind: optional('kind') as 'delivered' | 'missed' | undefined,
          // A missed record has no minutes; a hidden minutes field must not fail the correction.
          minutes: s('kind') === 'missed' ? undefined : number('minutes'),
          reason: s('kind') === 'delivered' ? undefined : (optional('reason') as MissedReason | undefined),
          note: values.note === undefined ? undefined : s('note'),
          changeReason: s('changeReason'),
        })
      case 'void':
        return context.trpc.sessions.void({ studentId, recordId: s('recordId'), changeReason: s('changeReason') })
    }
  })
  if (result.ok) return { ok: true, intent, target, message: SAVED[intent] }
  // The missed-reason schema lists its codes; a person needs the plain sentence.
  const fieldErrors = { ...result.fieldErrors }
  if (fieldErrors.reason && !s('reason')) fieldErrors.reason = ['Choose why the session was missed.']
  return { ok: false, intent, target, message: result.message, fieldErrors, values }
}
