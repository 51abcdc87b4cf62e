import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useParams } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, buttonClasses } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { TextareaField } from '#app/components/field.tsx'
import { CheckboxField } from '#app/components/form-parts.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { buildConcernLetter } from '#shared/concern-letter.ts'
import { ladderStep } from '#shared/concerns.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t as translate } from '#shared/i18n/i18n.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { concernLetterQuerySchema } from '#shared/schemas/concerns.ts'
import { TextLink } from '#app/components/text-link.tsx'

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
  const letter = query.value.draft
    ? buildConcernLetter({ ...facts, today: localIsoDate(context.now()), includeFamilyOnly: include, senderName: user.name })
    : null
  return {
    step: facts.step,
    issue: facts.concern.issue,
    familyOnlyEntries: facts.entries.filter((e) => e.familyOnly),
    include,
    letter,
    fileName: `letter-${facts.student.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-step-${facts.step}.txt`,
  }
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
  const { step, issue, familyOnlyEntries, include, letter, fileName } = useLoaderData<typeof loader>()
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
          <Button type="submit">{t('concerns.draftLetter')}</Button>
        </Form>
      </Card>
      {letter ? (
        <Card title={letter.subject} headingLevel={2} headingId="letter-heading">
          <LetterEditor key={letter.body} initial={letter.body} fileName={fileName} />
        </Card>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, translate('concerns.draftLetter')) }]
