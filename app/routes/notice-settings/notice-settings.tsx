import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { setCadenceSchema } from '#shared/schemas/notices.ts'
import { CadenceChoice } from './cadence-choice.tsx'
import { digests } from '#shared/i18n/en/digests.ts'

addSections({ digests })

// /account/notices: each person's choice, per student, of how notices reach them. Every notice and digest email
// links here with ?student=<id>, and the week's digest can be previewed (nothing is sent).


export async function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request)
  const url = new URL(request.url)
  const focus = url.searchParams.get('student')?.slice(0, 64) ?? null
  const previewOf = url.searchParams.get('preview')?.slice(0, 64) ?? null
  const students = await context.trpc.noticeSettings.mine()
  const preview = previewOf && students.some((s) => s.studentId === previewOf) ? await context.trpc.noticeSettings.preview({ studentId: previewOf }) : null
  return { students, focus, previewOf, preview }
}

export async function action({ context, request }: ActionFunctionArgs) {
  requireUser(context, request)
  const parsed = parseForm(await request.formData(), setCadenceSchema)
  if (!parsed.ok) return { ok: false as const, message: parsed.message, studentId: null }
  const result = await actionResult(() => context.trpc.noticeSettings.set(parsed.value))
  if (!result.ok) return { ok: false as const, message: result.message, studentId: parsed.value.studentId }
  return { ok: true as const, message: null, studentId: parsed.value.studentId, cadence: parsed.value.cadence }
}

export default function NoticeSettings() {
  const { t } = useTranslation()
  const { students, focus, previewOf, preview } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="space-y-6">
      <PageHeading title={t('digests.settings.title')}>
        <p className="text-slate-700">{t('digests.settings.intro')}</p>
      </PageHeading>
      {students.length === 0 ? <p>{t('digests.settings.none')}</p> : null}
      {students.map((s) => {
        const saved = result?.studentId === s.studentId ? result : null
        return (
          <Card key={s.studentId}>
            <Form method="post" className="space-y-3" id={`student-${s.studentId}`}>
              <input type="hidden" name="studentId" value={s.studentId} />
              {focus === s.studentId ? <p className="text-sm font-medium text-brand-800">{t('digests.settings.focused')}</p> : null}
              {saved?.ok ? <Alert tone="success">{t('digests.settings.saved', { student: s.studentName, cadence: t(`digests.cadences.${s.cadence}`) })}</Alert> : null}
              {saved && !saved.ok ? <Alert>{saved.message}</Alert> : null}
              <CadenceChoice studentName={s.studentName} cadence={s.cadence} />
              <div className="flex flex-wrap items-center gap-4">
                <Button type="submit" disabled={busy}>
                  {t('digests.settings.save', { student: s.studentName })}
                </Button>
                <a href={`?preview=${encodeURIComponent(s.studentId)}#preview`} className="font-medium text-brand-700 underline">
                  {t('digests.settings.preview')}
                </a>
              </div>
            </Form>
            {preview && previewOf === s.studentId ? (
              <section id="preview" aria-label={t('digests.settings.previewHeading', { student: s.studentName })} className="mt-4 space-y-2 border-t border-slate-200 pt-4">
                <h2 className="font-semibold">{t('digests.settings.previewHeading', { student: s.studentName })}</h2>
                <p className="text-sm text-slate-600">{t('digests.settings.previewNote')}</p>
                <p className="font-medium">{t('digests.settings.previewSubject', { subject: preview.subject })}</p>
                <pre className="whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-800">{preview.text}</pre>
              </section>
            ) : null}
          </Card>
        )
      })}
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('digests.settings.title') }) }]
