import { accommodations } from './accommodations.ts'
import { account } from './account.ts'
import { attachments } from './attachments.ts'
import { accountability } from './accountability.ts'
import { advocates } from './advocates.ts'
import { auth } from './auth.ts'
import { brief } from './brief.ts'
import { common } from './common.ts'
import { components } from './components.ts'
import { concerns } from './concerns.ts'
import { digests } from './digests.ts'
import { domain } from './domain.ts'
import { effects } from './effects.ts'
import { goals } from './goals.ts'
import { history } from './history.ts'
import { home } from './home.ts'
import { iepCalendar } from './iepCalendar.ts'
import { letters } from './letters.ts'
import { languages } from './languages.ts'
import { mail } from './mail.ts'
import { notes } from './notes.ts'
import { notices } from './notices.ts'
import { people } from './people.ts'
import { pdf } from './pdf.ts'
import { planChanges } from './planChanges.ts'
import { records } from './records.ts'
import { refusals } from './refusals.ts'
import { reports } from './reports.ts'
import { school } from './school.ts'
import { services } from './services.ts'
import { session } from './session.ts'
import { sessions } from './sessions.ts'
import { sso } from './sso.ts'
import { student } from './student.ts'
import { today } from './today.ts'
import { twoStep } from './twoStep.ts'

/**
 * The English catalogue: every sentence a person reads, one section per feature. A key missing here fails
 * the typecheck wherever it is used; a language added later is checked against this one.
 */
export const en = {
  accommodations,
  account,
  accountability,
  advocates,
  attachments,
  auth,
  brief,
  common,
  components,
  concerns,
  digests,
  domain,
  effects,
  goals,
  history,
  home,
  iepCalendar,
  languages,
  letters,
  mail,
  notes,
  notices,
  people,
  pdf,
  planChanges,
  records,
  refusals,
  reports,
  school,
  services,
  session,
  sessions,
  sso,
  student,
  today,
  twoStep,
} as const

export type Catalogue = typeof en
