import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useParams } from '@remix-run/react'
import { useState } from 'react'
import { Button, buttonClasses } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { TextareaField } from '#app/components/field.tsx'
import { CheckboxField } from '#app/components/form-parts.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { buildConcernLetter } from '#shared/concern-letter.ts'
import { ladderStep } from '#shared/concerns.ts'
import { formatSchoolDate, localIsoDate } from '#shared/school-date.ts'
import { TextLink } from '#app/components/text-link.tsx'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const studentId = params.studentId ?? ''
  const concernId = params.concernId ?? ''
  const facts = await loadOr404(() => context.trpc.concerns.letter({ studentId, concernId }))
  const url = new URL(request.url)
  // Family-only entries go in only when the family ticked them, one by one.
  const include = url.searchParams.getAll('include')
  const letter = url.searchParams.has('draft')
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
  const [text, setText] = useState(initial)
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle')
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`
  return (
    <div className="space-y-3">
      <TextareaField label="Letter (you can edit it before sending)" name="letter" rows={24} value={text} onChange={(e) => setText(e.target.value)} className="font-mono" />
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
          Copy letter
        </Button>
        <a href={href} download={fileName} className={buttonClasses('secondary')}>
          Download as .txt
        </a>
      </div>
      <p role="status" className="text-slate-700">
        {copied === 'done' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying did not work here: select the text and copy it instead.' : ''}
      </p>
    </div>
  )
}

export default function DraftLetter() {
  const { step, issue, familyOnlyEntries, include, letter, fileName } = useLoaderData<typeof loader>()
  const { studentId, concernId } = useParams()
  return (
    <div className="space-y-6">
      <TextLink to={`/students/${studentId}/concerns/${concernId}`}>
        Back to the concern
      </TextLink>
      <Card title="Draft a letter" headingLevel={2}>
        <p className="text-slate-700">
          A factual letter for step {step}, {ladderStep(step).title.toLowerCase()}, about “{issue}”: what the IEP states, what the records show, and what is
          requested. Read it and change anything before you send it.
        </p>
        <Form method="get" className="mt-4 space-y-3">
          <input type="hidden" name="draft" value="1" />
          {familyOnlyEntries.length > 0 ? (
            <fieldset className="space-y-1">
              <legend className="font-semibold text-slate-900">Family-only notes to include</legend>
              <p className="text-sm text-slate-600">These are yours alone. None goes into the letter unless you tick it.</p>
              {familyOnlyEntries.map((e) => (
                <CheckboxField
                  key={e.id}
                  id={`include-${e.id}`}
                  name="include"
                  value={e.id}
                  defaultChecked={include.includes(e.id)}
                  label={`${formatSchoolDate(e.date)}${e.person ? `, ${e.person}` : ''}: ${e.text}`}
                />
              ))}
            </fieldset>
          ) : null}
          <Button type="submit">Draft a letter</Button>
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

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'Draft a letter') }]
