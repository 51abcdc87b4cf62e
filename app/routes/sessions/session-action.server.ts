import type { AppLoadContext } from '@remix-run/node'
import { t } from '#shared/i18n/i18n.ts'
import { sessionFormSchema, type SessionForm } from '#shared/schemas/services.ts'
import type { SessionActionData, SingleSessionIntent } from './session-forms.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'

const SAVED = {
  delivered: 'sessions.savedDelivered',
  missed: 'sessions.savedMissed',
  make_up: 'sessions.savedMakeUp',
  correct: 'sessions.savedCorrect',
  void: 'sessions.savedVoid',
} as const satisfies Record<SingleSessionIntent, string>

function isIntent(value: unknown): value is SingleSessionIntent {
  return typeof value === 'string' && value in SAVED
}

/** A form's fields without the intent and the target, which only route the answer. */
function fieldsOf<F extends { intent: string; target: string }>({ intent: _intent, target: _target, ...fields }: F): Omit<F, 'intent' | 'target'> {
  return fields
}

function save(context: AppLoadContext, form: SessionForm) {
  switch (form.intent) {
    case 'delivered':
      return context.trpc.sessions.record({ ...fieldsOf(form), kind: 'delivered' })
    case 'missed':
      return context.trpc.sessions.record({ ...fieldsOf(form), kind: 'missed' })
    case 'make_up':
      return context.trpc.sessions.record({ ...fieldsOf(form), kind: 'make_up' })
    case 'correct':
      return context.trpc.sessions.correct(fieldsOf(form))
    case 'void':
      return context.trpc.sessions.void(fieldsOf(form))
  }
}

/**
 * Records, corrects or voids a session through the sessions procedures, which check who may do it. The form
 * is read by the procedures' own schemas, so a refusal names every field at once before anything is written.
 */
export async function sessionAction(context: AppLoadContext, form: FormData): Promise<SessionActionData> {
  // What was typed goes back to the form that asked, so nothing is lost on a refusal.
  const values: Record<string, string> = {}
  for (const [key, value] of form) if (typeof value === 'string') values[key] = value
  const intent = isIntent(values.intent) ? values.intent : 'void'
  const target = values.target ?? ''
  // A correction shows either the minutes or the reason, by the kind chosen: the hidden one must not fail it.
  if (intent === 'correct' && values.kind === 'missed') form.delete('minutes')
  if (intent === 'correct' && values.kind === 'delivered') form.delete('reason')

  const parsed = parseForm(form, sessionFormSchema)
  const result = parsed.ok ? await actionResult(() => save(context, parsed.value)) : parsed
  if (result.ok) {
    const saved = parsed.ok && parsed.value.intent === 'make_up' ? parsed.value : null
    const madeUp = saved ? { serviceId: saved.serviceId, repaysDate: saved.repaysDate, date: saved.date, minutes: saved.minutes } : undefined
    return { ok: true, intent, target, message: t(SAVED[intent]), madeUp }
  }
  // The missed-reason schema lists its codes; a person needs the plain sentence.
  const fieldErrors = { ...result.fieldErrors }
  if (fieldErrors.reason && !values.reason) fieldErrors.reason = [t('sessions.chooseWhyMissed')]
  return { ok: false, intent, target, message: result.message, fieldErrors, values }
}
