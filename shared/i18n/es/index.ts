import type { Catalogue } from '../en/index.ts'
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
import type { Words } from './words.ts'

/**
 * The Spanish catalogue: every key of the English one (the typecheck and shared/i18n/languages.test.ts hold it to
 * that), written for families in plain Spanish (docs/languages.md).
 */
export const es = {
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
  pdf,
  people,
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
} as const satisfies Words<Catalogue>
