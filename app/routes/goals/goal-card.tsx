import { LabelledSection } from '#app/components/labelled-section.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Button } from '#app/components/button.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { areaLabel, firstName } from '#shared/plan-labels.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { describeApplies } from '#shared/accommodation-schedule.ts'
import { activeLanguage, addSections, t } from '#shared/i18n/i18n.ts'
import { accommodationForReader, goalForReader } from '#shared/plain-translations.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { noSchoolSentence } from '#shared/school-day.ts'
import { PLAIN_PARTS } from '#shared/schemas/plan.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { goals } from '#shared/i18n/en/goals.ts'

addSections({ goals })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const schoolDay = await loadOr404(() => context.trpc.students.schoolDay({ studentId }))
  // A card printed on a day without school is for the next school day (skipping holidays): that day's
  // supports rather than none. Past the year's last day there is no such day, and no supports to list.
  const cardDate = schoolDay.kind === 'school_day' ? schoolDay.date : schoolDay.nextSchoolDay
  const [profiles, goals, accommodations] = await Promise.all([
    loadOr404(() => context.trpc.profiles.get({ studentId })),
    loadOr404(() => context.trpc.goals.list({ studentId })),
    cardDate ? loadOr404(() => context.trpc.accommodations.forDay({ studentId, date: cardDate })) : Promise.resolve([]),
  ])
  return {
    profiles,
    // Summaries in the reader's language where someone wrote them (docs/languages.md#plain-summaries).
    goals: goals.map((g) => goalForReader(g, activeLanguage())).map((g) => ({ id: g.id, area: g.area, plain: g.plain, plainIn: g.plainIn })),
    accommodations: accommodations.map((a) => accommodationForReader(a, activeLanguage())),
    cardDate,
    isToday: cardDate === schoolDay.date,
    noSchool: noSchoolSentence(schoolDay),
  }
}

/**
 * One page a para or a substitute can carry (docs/roles.md, docs/domain.md#profiles): who the student is and how to reach them first
 * (the two profiles), then today's supports, then what each goal asks of adults. The print styles keep it
 * to one sheet: small type, two columns, no app chrome.
 */
export default function GoalCard() {
  const { t } = useTranslation()
  const { profiles, goals, accommodations, cardDate, isToday, noSchool } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const hydrated = useHydrated()
  if (!parent) return null
  const { student } = parent
  const first = firstName(student)
  const comm = profiles.communication
  const reg = profiles.regulation

  return (
    <article className="space-y-6 print:space-y-1.5 print:text-[8.5pt] print:leading-snug" aria-labelledby="card-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="card-heading" className="text-2xl font-semibold print:text-[11pt]">
            {t('goals.cardTitle', { name: first })}
          </h2>
          <p className="text-slate-700 print:text-[8pt]">
            {cardDate
              ? `${noSchool && !isToday ? `${noSchool} ` : ''}${t(isToday ? 'goals.supportsToday' : 'goals.supportsFor', { date: formatDay(cardDate) })}`
              : `${noSchool ?? ''} ${t('goals.readProfilesFirst')}`}
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <Link to={`/students/${student.id}`} className="inline-flex min-h-11 items-center px-1 font-medium text-brand-700 underline">
            {t('goals.backToPlan', { name: first })}
          </Link>
          {/* window.print needs the page to be interactive; before hydration the button would do nothing. */}
          <Button onClick={() => window.print()} disabled={!hydrated}>
            {t('goals.print')}
          </Button>
        </div>
      </div>

      <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2 print:gap-1.5">
        <LabelledSection {...CARD_SECTION_STYLE} title={t('goals.communicates', { name: first })} id="communication-heading">
          <Facts
            items={[
              [t('goals.howTheyCommunicate'), comm.howTheyCommunicate],
              [t('goals.givingInstruction'), comm.givingInstructions],
              [t('goals.wordsThatMatter'), comm.wordsThatMatter],
            ]}
          />
        </LabelledSection>
        <LabelledSection {...CARD_SECTION_STYLE} title={t('goals.stressHeading')} id="regulation-heading">
          <Facts
            items={[
              [t('goals.earlySigns'), reg.earlySigns],
              [t('goals.whatHelps'), reg.whatHelps],
              [t('goals.whatToAvoid'), reg.whatToAvoid],
              [t('goals.calmPlace'), reg.calmPlace],
            ]}
          />
        </LabelledSection>
      </div>

      <LabelledSection {...CARD_SECTION_STYLE}
        title={
          !cardDate
            ? t('goals.accommodations')
            : isToday
              ? t('goals.todaysAccommodations')
              : t('goals.accommodationsFor', { date: formatDay(cardDate) })
        }
        id="accommodations-heading"
      >
        {!cardDate ? (
          <p>{t('goals.noSchoolLeft')}</p>
        ) : accommodations.length === 0 ? (
          <p>{t(isToday ? 'goals.noAccommodationsToday' : 'goals.noAccommodationsThatDay')}</p>
        ) : (
          <ul className="grid gap-x-6 gap-y-2 sm:grid-cols-2 print:grid-cols-2 print:gap-x-4 print:gap-y-0.5" aria-labelledby="accommodations-heading">
            {accommodations.map((a) => (
              <li key={a.id} className="break-inside-avoid">
                <p className="font-semibold print:inline">
                  <span lang={a.wordsIn.language}>{a.title}</span>
                  {a.applicability === 'conditional' ? (
                    <span className="ml-2 inline-block rounded bg-amber-100 px-1.5 text-sm font-semibold text-amber-950 ring-1 ring-amber-400 print:border print:border-amber-800 print:text-[7.5pt] print:ring-0">
                      {describeApplies(a.applies)}
                    </span>
                  ) : null}
                </p>
                <span className="hidden print:inline"> — </span>
                <p className="text-slate-800 print:inline" lang={a.wordsIn.language}>
                  {a.description}
                </p>
              </li>
            ))}
          </ul>
        )}
      </LabelledSection>

      <section aria-labelledby="goals-heading" className="space-y-3 print:space-y-0.5">
        <h3 id="goals-heading" className="text-lg font-semibold print:text-[9.5pt]">
          {t('goals.goalsHeading')}
        </h3>
        {goals.length === 0 ? (
          <p>{t('goals.noGoals')}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 print:grid-cols-2 print:gap-1.5">
            {goals.map((g) => (
              <li key={g.id} className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 print:rounded-none print:border-slate-400 print:p-1.5">
                <h4 className="font-semibold text-brand-800">{areaLabel(g.area)}</h4>
                <dl className="mt-1 space-y-1 print:mt-0 print:space-y-0">
                  {PLAIN_PARTS.map((part) => (
                    <div key={part.key}>
                      <dt className="inline font-semibold">{t('goals.partLabel', { label: part.label })}</dt>
                      <dd className="inline" lang={g.plainIn.language}>
                        {g.plain[part.key]}
                      </dd>
                    </div>
                  ))}
                </dl>
                <Link
                  to={`/students/${student.id}/goals/${g.id}`}
                  className="no-print mt-2 inline-flex min-h-11 items-center font-medium text-brand-700 underline"
                >
                  {t('goals.progressOn', { area: g.area })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  )
}

const CARD_SECTION_STYLE = {
  className: 'break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 print:rounded-none print:border-slate-400 print:p-1.5',
  headingClassName: 'mb-2 text-lg font-semibold print:mb-0.5 print:text-[9.5pt]',
}

function Facts({ items }: { items: [string, string][] }) {
  const { t } = useTranslation()
  const written = items.filter(([, text]) => text.trim() !== '')
  if (written.length === 0) return <p className="text-slate-700">{t('goals.notWrittenYet')}</p>
  return (
    <dl className="space-y-2 print:space-y-0.5">
      {written.map(([label, text]) => (
        <div key={label}>
          <dt className="font-semibold print:inline">
            {label}
            <span className="hidden print:inline">: </span>
          </dt>
          <dd className="text-slate-800 print:inline">{text}</dd>
        </div>
      ))}
    </dl>
  )
}

export const meta: MetaFunction = ({ matches }) => {
  const data = matches.find((m) => m.id === 'student')?.data as { student?: { name: string } } | undefined
  return [{ title: data?.student ? studentPageTitle(matches, t('goals.cardPageTitle')) : t('common.titleSuffix', { title: t('common.notFound') }) }]
}
