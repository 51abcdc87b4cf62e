import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { LanguageOptions } from '#app/components/language-options.tsx'
import { Form, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Button, buttonClasses } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { Alert } from '#app/components/alert.tsx'
import { LettersSentCard } from './letters-sent-card.tsx'
import { CheckboxField } from '#app/components/form-parts.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { BY_HAND_CHANNELS } from '#shared/letters-sent.ts'
import { buildConcernLetter } from '#shared/concern-letter.ts'
import { ladderStep } from '#shared/concerns.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { activeLanguage, addSections, t as translate } from '#shared/i18n/i18n.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { concernLetterQuerySchema } from '#shared/schemas/concerns.ts'
import { TextLink } from '#app/components/text-link.tsx'
import { concerns } from '#shared/i18n/en/concerns.ts'
import { letters } from '#shared/i18n/en/letters.ts'

addSections({ concerns, letters })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const studentId = params.studentId ?? ''
  const concernId = params.concernId ?? ''
  const facts = await loadOr404(() => context.trpc.concerns.letter({ studentId, concernId }))
  const query = parseForm(new URL(request.url).searchParams, concernLetterQuerySchema)
  // A hand-made address with a bad choice in it is the asker's mistake, as with any bad value in an address.
  if (!query.ok) throw new Response(Object.values(query.fieldErrors).flat().join(' '), { status: 400 })
  // Family-only entries go in only when the family ticked them, one by one.
  const { include } = query.value
  // The same records in either language: English for the school, the family's own for their copy.
  const language = query.value.language ?? context.language ?? activeLanguage()
  const letter = query.value.draft
    ? context.inLanguage(language, () => buildConcernLetter({ ...facts, today: localIsoDate(context.now()), includeFamilyOnly: include, senderName: user.name }))
    : null
  const [sent, recipients] = await Promise.all([
    loadOr404(() => context.trpc.concerns.letters({ studentId, concernId })),
    // Only those who may send (not the school admin, who reads) are offered the team to send to.
    context.trpc.concerns.letterRecipients({ studentId }).catch(() => null),
  ])
  // Each letter sent carries its own files (a scan of the posted letter, the answer that came back).
  const files = Object.fromEntries(
    await Promise.all(sent.letters.map(async (l) => [l.id, await loadOr404(() => context.trpc.attachments.list({ studentId, ownerKind: 'letter', ownerId: l.id }))] as const)),
  )
  return {
    sent,
    files,
    familyOnly: facts.visibility === 'family',
    recipients,
    today: localIsoDate(context.now()),
    step: facts.step,
    issue: facts.concern.issue,
    familyOnlyEntries: facts.entries.filter((e) => e.familyOnly),
    include,
    language,
    letter,
    fileName: `letter-${facts.student.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-step-${facts.step}-${language}.txt`,
  }
}

const text = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/**
 * Sending a drafted letter (by email from here, or recorded as sent by hand) and recording its answer. The values go
 * to the API as typed; its schemas bound and check them, and a refusal comes back as a message with nothing written.
 */
export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const ref = { studentId: params.studentId ?? '', concernId: params.concernId ?? '' }
  const form = await request.formData()
  const intent = text(form, 'intent')
  const due = text(form, 'responseDueOn') || undefined
  if (intent === 'send') {
    const otherEmails = text(form, 'otherEmails').split(/[\s,;]+/).filter(Boolean).slice(0, 20)
    const recipientUserIds = form.getAll('recipientUserIds').filter((v): v is string => typeof v === 'string').slice(0, 20)
    const result = await actionResult(() => context.trpc.concerns.sendLetter({ ...ref, recipientUserIds, otherEmails, subject: text(form, 'subject'), body: text(form, 'body'), responseDueOn: due }))
    return result.ok ? { ok: true as const, message: translate('letters.sent') } : result
  }
  if (intent === 'byHand') {
    const result = await actionResult(() =>
      context.trpc.concerns.markLetterSent({
        ...ref,
        sentOn: text(form, 'sentOn'),
        channel: text(form, 'channel') as (typeof BY_HAND_CHANNELS)[number],
        channelNote: text(form, 'channelNote'),
        sentTo: text(form, 'sentTo'),
        subject: text(form, 'subject'),
        body: text(form, 'body'),
        responseDueOn: due,
      }),
    )
    return result.ok ? { ok: true as const, message: translate('letters.marked') } : result
  }
  if (intent === 'answer') {
    const result = await actionResult(() => context.trpc.concerns.recordLetterResponse({ ...ref, letterId: text(form, 'letterId'), receivedOn: text(form, 'receivedOn'), note: text(form, 'note') }))
    return result.ok ? { ok: true as const, message: translate('letters.answerRecorded') } : result
  }
  return { ok: false as const, message: translate('common.correctFields'), fieldErrors: {} }
}

/** The letter, editable; copied to the clipboard or downloaded as plain text exactly as edited. */
function LetterEditor({ initial, fileName }: { initial: string; fileName: string }) {
  const { t } = useTranslation()
  const [text, setText] = useState(initial)
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle')
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`
  return (
    <div className="space-y-3">
      <TextareaField label={t('concerns.letterField')} name="letter" rows={24} value={text} onChange={(e) => setText(e.target.value)} className="font-mono" />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button
          variant="secondary"
          onClick={() => {
            navigator.clipboard.writeText(text).then(
              () => setCopied('done'),
              () => setCopied('failed'),
            )
          }}
        >
          {t('concerns.copyLetter')}
        </Button>
        <a href={href} download={fileName} className={buttonClasses('secondary')}>
          {t('concerns.downloadTxt')}
        </a>
      </div>
      <p role="status" className="text-slate-700">
        {copied === 'done' ? t('concerns.copied') : copied === 'failed' ? t('concerns.copyFailed') : ''}
      </p>
    </div>
  )
}

export default function DraftLetter() {
  const { t } = useTranslation()
  const { step, issue, familyOnlyEntries, include, language, letter, fileName, sent, files, familyOnly, recipients, today } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId, concernId } = useParams()
  return (
    <div className="space-y-6">
      <TextLink to={`/students/${studentId}/concerns/${concernId}`}>
        {t('concerns.backToConcern')}
      </TextLink>
      <Card title={t('concerns.draftLetter')} headingLevel={2}>
        <p className="text-slate-700">{t('concerns.letterIntro', { step, title: ladderStep(step).title.toLowerCase(), issue })}</p>
        <Form method="get" className="mt-4 space-y-3">
          <input type="hidden" name="draft" value="1" />
          {familyOnlyEntries.length > 0 ? (
            <fieldset className="space-y-1">
              <legend className="font-semibold text-slate-900">{t('concerns.familyNotesLegend')}</legend>
              <p className="text-sm text-slate-600">{t('concerns.familyNotesHint')}</p>
              {familyOnlyEntries.map((e) => (
                <CheckboxField
                  key={e.id}
                  id={`include-${e.id}`}
                  name="include"
                  value={e.id}
                  defaultChecked={include.includes(e.id)}
                  label={
                    e.person
                      ? t('concerns.familyNoteWithPerson', { date: formatDay(e.date), person: e.person, text: e.text })
                      : t('concerns.familyNote', { date: formatDay(e.date), text: e.text })
                  }
                />
              ))}
            </fieldset>
          ) : null}
          <SelectField label={t('languages.letterField')} name="language" defaultValue={language} hint={t('languages.letterHint')}>
            <LanguageOptions />
          </SelectField>
          <Button type="submit">{t('concerns.draftLetter')}</Button>
        </Form>
      </Card>
      {result ? <Alert tone={result.ok ? 'success' : 'error'}>{result.ok ? result.message : [result.message, ...Object.values(result.fieldErrors).flat()].join(' ')}</Alert> : null}
      {letter ? (
        <Card title={letter.subject} headingLevel={2} headingId="letter-heading">
          <LetterEditor key={letter.body} initial={letter.body} fileName={fileName} />
        </Card>
      ) : null}
      {letter && recipients ? (
        <Card title={t('letters.sendHeading')} headingLevel={2} headingId="send-letter-heading">
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="send" />
            <fieldset className="space-y-1">
              <legend className="font-semibold text-slate-900">{t('letters.recipientsLegend')}</legend>
              {recipients.map((r) => (
                <CheckboxField key={r.userId} id={`to-${r.userId}`} name="recipientUserIds" value={r.userId} label={`${r.name} (${r.email})`} />
              ))}
            </fieldset>
            <Field label={t('letters.otherAddresses')} name="otherEmails" maxLength={1500} />
            <Field label={t('letters.subjectLabel')} name="subject" defaultValue={letter.subject} maxLength={200} required />
            <TextareaField label={t('letters.bodyLabel')} name="body" rows={12} defaultValue={letter.body} maxLength={10000} required />
            <Field label={t('letters.dueLabel')} name="responseDueOn" type="date" hint={t('letters.dueHint')} />
            <Button type="submit" disabled={busy}>
              {t('letters.sendByEmail')}
            </Button>
          </Form>
          <details className="mt-4">
            <summary className="cursor-pointer font-medium text-brand-700 underline">{t('letters.markByHand')}</summary>
            <Form method="post" className="mt-3 space-y-3">
              <input type="hidden" name="intent" value="byHand" />
              <input type="hidden" name="subject" value={letter.subject} />
              <input type="hidden" name="body" value={letter.body} />
              <Field label={t('letters.sentOnLabel')} name="sentOn" type="date" defaultValue={today} max={today} required />
              <SelectField label={t('letters.channelLabel')} name="channel" defaultValue="paper">
                {BY_HAND_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`letters.channel.${c}`)}
                  </option>
                ))}
              </SelectField>
              <Field label={t('letters.noteLabel')} name="channelNote" maxLength={1000} />
              <Field label={t('letters.dueLabel')} name="responseDueOn" type="date" hint={t('letters.dueHint')} />
              <Button type="submit" disabled={busy}>
                {t('letters.markByHand')}
              </Button>
            </Form>
          </details>
        </Card>
      ) : null}
      <LettersSentCard
        letters={sent.letters}
        suggestion={sent.suggestion}
        today={today}
        busy={busy}
        attachments={studentId ? { studentId, files, familyOnly } : undefined}
      />
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, translate('concerns.draftLetter')) }]
