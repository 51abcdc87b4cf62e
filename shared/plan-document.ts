import { describeApplies } from './accommodation-schedule.ts'
import { addSections, t } from './i18n/i18n.ts'
import { describeRule } from './mastery.ts'
import { termText } from './plan-change.ts'
import { areaLabel } from './plan-labels.ts'
import { formatSchoolDate, type IsoDate } from './school-date.ts'
import { COMMUNICATION_FIELDS, PLAIN_PARTS, REGULATION_FIELDS, type Applies, type MasteryRule, type PlainSummary } from './schemas/plan.ts'
import type { ServiceTerm } from './services.ts'
import { records } from './i18n/en/records.ts'
import { languages } from './i18n/en/languages.ts'
import type { Translations } from './plain-translations.ts'
import { TRANSLATION_LANGUAGES } from './schemas/language.ts'
import { student } from './i18n/en/student.ts'

addSections({ languages, records, student })

/**
 * A document made of headings and paragraphs: what the records export writes as a PDF when no better layout is
 * needed (the plan and its versions, docs/records.md). Pure, so the words are tested without drawing a page.
 */
export interface TextDoc {
  title: string
  intro: string
  sections: TextSection[]
}

export interface TextSection {
  heading: string
  blocks: TextBlock[]
}

export interface TextBlock {
  heading?: string
  /** Small grey line under the heading: a date, who wrote it. */
  meta?: string
  lines: string[]
}

export interface PlanGoal {
  id: string
  area: string
  officialText: string
  plain: PlainSummary
  baseline: string
  target: string
  unit: string
  mastery: MasteryRule
  ended: { at: string; reason: string } | null
  /** The plain summary written again in a family's language (docs/languages.md#plain-summaries). */
  translations?: Translations<PlainSummary>
}

export interface PlanAccommodation {
  id: string
  title: string
  description: string
  applies: Applies
  startDate: IsoDate
  translations?: Translations<{ title: string; description: string }>
}

/** The words written again in each language, under a line saying who wrote them, when, and whether the English moved on since. */
function translatedLines<Parts>(translations: Translations<Parts> | undefined, lines: (parts: Parts) => string[]): string[] {
  return TRANSLATION_LANGUAGES.flatMap((language) => {
    const written = translations?.[language]
    if (!written) return []
    const said = t(written.stale ? 'records.plan.translatedStale' : 'records.plan.translated', {
      language: t(`languages.name.${language}`),
      date: formatSchoolDate(written.updatedAt.slice(0, 10)),
      who: written.updatedBy,
    })
    return [said, ...lines(written.parts)]
  })
}

export interface PlanService {
  name: string
  providerName: string
  startDate: IsoDate
  endDate: IsoDate
  terms: ServiceTerm[]
}

export interface PlanVersion {
  kind: 'goal' | 'accommodation' | 'profile'
  /** What it is a version of, as a reader names it: the goal's area, the support's title, the profile's name. */
  subject: string
  version: number
  createdAt: string
  createdBy: string
  lines: string[]
}

export interface PlanDocumentInput {
  studentName: string
  asOf: IsoDate
  iep: { startDate: IsoDate | null; endDate: IsoDate | null; annualReviewDate: IsoDate | null; reevaluationDate: IsoDate | null } | null
  profiles: { communication: Record<string, string>; regulation: Record<string, string> }
  goals: PlanGoal[]
  accommodations: PlanAccommodation[]
  services: PlanService[]
  versions: PlanVersion[]
}

const day = (date: IsoDate | null) => (date ? formatSchoolDate(date) : t('records.plan.notSet'))

/** The plan as it stands on `asOf`, then every version of its parts, oldest first. */
export function planDocument(input: PlanDocumentInput): TextDoc {
  const profileBlock = (kind: 'communication' | 'regulation', fields: readonly string[]): TextBlock => ({
    heading: t(`student.${kind}`),
    lines: fields.filter((f) => (input.profiles[kind][f] ?? '').trim() !== '').map((f) => `${t(`student.profile.${f as (typeof COMMUNICATION_FIELDS)[number]}`)}: ${input.profiles[kind][f]}`),
  })
  const current = input.goals.filter((g) => !g.ended)
  const ended = input.goals.filter((g) => g.ended)
  const sections: TextSection[] = [
    {
      heading: t('records.plan.datesHeading'),
      blocks: [
        {
          lines: [
            t('records.plan.starts', { date: day(input.iep?.startDate ?? null) }),
            t('records.plan.ends', { date: day(input.iep?.endDate ?? null) }),
            t('records.plan.review', { date: day(input.iep?.annualReviewDate ?? null) }),
            t('records.plan.reevaluation', { date: day(input.iep?.reevaluationDate ?? null) }),
          ],
        },
      ],
    },
    { heading: t('records.plan.profilesHeading'), blocks: [profileBlock('communication', COMMUNICATION_FIELDS), profileBlock('regulation', REGULATION_FIELDS)] },
    { heading: t('records.plan.goalsHeading'), blocks: current.length ? current.map(goalBlock) : [{ lines: [t('records.plan.none')] }] },
    {
      heading: t('records.plan.accommodationsHeading'),
      blocks: input.accommodations.length
        ? input.accommodations.map((a) => ({
            heading: a.title,
            meta: t('records.plan.appliesFrom', { applies: describeApplies(a.applies), date: formatSchoolDate(a.startDate) }),
            lines: [a.description, ...translatedLines(a.translations, (w) => [w.title, w.description])],
          }))
        : [{ lines: [t('records.plan.none')] }],
    },
    {
      heading: t('records.plan.servicesHeading'),
      blocks: input.services.length
        ? input.services.map((s) => ({
            heading: s.name,
            meta: t('records.plan.serviceSpan', { provider: s.providerName, from: formatSchoolDate(s.startDate), to: formatSchoolDate(s.endDate) }),
            lines: s.terms.map((term) => t('records.plan.term', { term: termText(term), from: formatSchoolDate(term.effectiveFrom) })),
          }))
        : [{ lines: [t('records.plan.none')] }],
    },
  ]
  if (ended.length) sections.push({ heading: t('records.plan.endedHeading'), blocks: ended.map(goalBlock) })
  sections.push({
    heading: t('records.plan.versionsHeading'),
    blocks: [...input.versions]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.version - b.version)
      .map((v) => ({
        heading: t('records.plan.versionHeading', { subject: v.subject, version: v.version }),
        meta: t('records.plan.versionMeta', { date: formatSchoolDate(v.createdAt.slice(0, 10)), who: v.createdBy }),
        lines: v.lines,
      })),
  })
  return { title: t('records.plan.title', { student: input.studentName }), intro: t('records.plan.intro', { date: formatSchoolDate(input.asOf) }), sections }
}

function goalBlock(g: PlanGoal): TextBlock {
  const lines = [
    t('records.plan.official', { text: g.officialText }),
    ...PLAIN_PARTS.filter((p) => g.plain[p.key].trim() !== '').map((p) => `${p.label}: ${g.plain[p.key]}`),
    t('records.plan.baselineTarget', { baseline: g.baseline, target: g.target }),
    t('records.plan.mastery', { rule: describeRule(g.mastery, g.unit) }),
    ...translatedLines(g.translations, (plain) => PLAIN_PARTS.map((p) => `${p.label}: ${plain[p.key]}`)),
  ]
  if (g.ended) lines.push(t('records.plan.endedOn', { date: formatSchoolDate(g.ended.at.slice(0, 10)), reason: g.ended.reason }))
  return { heading: areaLabel(g.area), lines }
}

/** The lines of one goal version in the versions part: its official text and plain words as written then. */
export function goalVersionLines(v: { officialText: string; plain: PlainSummary }): string[] {
  return [t('records.plan.official', { text: v.officialText }), ...PLAIN_PARTS.filter((p) => v.plain[p.key].trim() !== '').map((p) => `${p.label}: ${v.plain[p.key]}`)]
}
