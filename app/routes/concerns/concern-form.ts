import { CONCERN_STATUSES, CONCERN_VISIBILITIES, LINK_KINDS, type ConcernStatus, type ConcernVisibility, type LinkKind } from '#shared/concerns.ts'

/** A concern form's values as typed, so a refused save shows them again unchanged. */
export interface ConcernFormValues {
  date: string
  issue: string
  personContacted: string
  response: string
  followUp: string
  status: ConcernStatus
  visibility: ConcernVisibility
  links: string[]
}

function text(form: FormData, name: string): string {
  const v = form.get(name)
  return typeof v === 'string' ? v : ''
}

export function concernValuesFromForm(form: FormData): ConcernFormValues {
  const status = text(form, 'status')
  const visibility = text(form, 'visibility')
  return {
    date: text(form, 'date'),
    issue: text(form, 'issue'),
    personContacted: text(form, 'personContacted'),
    response: text(form, 'response'),
    followUp: text(form, 'followUp'),
    status: (CONCERN_STATUSES as readonly string[]).includes(status) ? (status as ConcernStatus) : 'open',
    visibility: (CONCERN_VISIBILITIES as readonly string[]).includes(visibility) ? (visibility as ConcernVisibility) : 'team',
    links: form.getAll('link').filter((v): v is string => typeof v === 'string'),
  }
}

/** "session:abc" → { kind: 'session', recordId: 'abc' }; anything else is passed on for the server to refuse. */
export function parseLinks(values: string[]): { kind: LinkKind; recordId: string }[] {
  return values.map((v) => {
    const at = v.indexOf(':')
    return { kind: v.slice(0, at) as LinkKind, recordId: v.slice(at + 1) }
  })
}

export function isLinkKind(value: string): value is LinkKind {
  return (LINK_KINDS as readonly string[]).includes(value)
}
