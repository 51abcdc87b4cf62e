import { describe, expect, test } from 'vitest'
import { inLanguage } from '#server/i18n/language.server.ts'
import { enqueueMail } from '#server/mail/outbox.server.ts'
import { runDigestPass } from '#server/services/digests.server.ts'
import { notifyParentsOfMiss } from '#server/services/notifications.server.ts'
import { t as translate } from '#shared/i18n/i18n.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'

const NOW = new Date('2026-12-09T15:00:00Z')

describe('mail in the reader’s language (issue 22, item 4)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const outbox = (kind: string) => t.sqlite.prepare('select to_email, subject, text_body from mail_outbox where kind = ? order by created_at').all(kind) as { to_email: string; subject: string; text_body: string }[]
  const setLanguage = (key: 'parent' | 'caseManager', language: 'en' | 'es') => t.sqlite.prepare('update users set language = ? where id = ?').run(language, demo.users[key])

  test('a change made by an English-reading teacher reaches a Spanish-reading parent in Spanish', async () => {
    setLanguage('parent', 'es')
    const first = t.sqlite.prepare('select minutes_per_session, weekdays from service_terms where service_id = ? order by effective_from').get(demo.speechServiceId) as { minutes_per_session: number; weekdays: string }
    await inLanguage('en', () =>
      as('caseManager').services.amend({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, effectiveFrom: '2026-12-02', minutesPerSession: first.minutes_per_session, weekdays: [JSON.parse(first.weekdays)[0]] }),
    )
    const [mail] = outbox('plan_change')
    expect(mail!.to_email).toBe('parent@maple.example')
    expect(mail!.subject).toBe('Cambió el plan de Johnny Miller')
    expect(mail!.text_body).toContain('Hola, Laura Miller:')
    expect(mail!.text_body).toContain('— Maple Elementary, por medio de Same Page')
  })

  test('the sender’s language never leaks: a Spanish-reading sender’s mail to an English reader is English, and back', async () => {
    setLanguage('parent', 'es')
    const compose = () => ({ subject: translate('planChanges.mail.subject', { student: 'Johnny' }), body: { greeting: null, paragraphs: [formatDay('2026-10-14', 'long')] } })
    await inLanguage('es', () => enqueueMail(t.db, { to: 'casemanager@maple.example', userId: demo.users.caseManager, schoolId: demo.schoolId, kind: 'notice', compose }, NOW))
    await inLanguage('en', () => enqueueMail(t.db, { to: 'parent@maple.example', schoolId: demo.schoolId, kind: 'notice', compose }, NOW))
    // No account behind the address: the language chosen for them (an invitation), whatever the sender reads.
    await inLanguage('en', () => enqueueMail(t.db, { to: 'new.family@example.com', schoolId: demo.schoolId, kind: 'invite', languageIfNoAccount: 'es', compose }, NOW))
    const mail = [...outbox('notice'), ...outbox('invite')]
    expect(mail.map((m) => [m.to_email, m.subject])).toEqual([
      ['casemanager@maple.example', 'Johnny’s plan changed'],
      ['parent@maple.example', 'Cambió el plan de Johnny'],
      ['new.family@example.com', 'Cambió el plan de Johnny'],
    ])
    expect(mail[0]!.text_body).toContain('October 14, 2026')
    expect(mail[1]!.text_body).toContain('14 de octubre de 2026')
  })

  test('a family invited in Spanish gets the invitation in Spanish, whatever the inviter reads; nothing changes for a bad language', async () => {
    const invite = (language: string) =>
      inLanguage('en', () => as('caseManager').team.invite({ studentId: demo.mayaId, email: 'abuela@family.example', role: 'parent', language: language as 'es' }))
    await expect(invite('fr')).rejects.toThrow('Choose one of the languages offered.')
    expect(t.sqlite.prepare('select count(*) as n from invites where email = ?').get('abuela@family.example')).toEqual({ n: 0 })
    await invite('es')
    expect(t.sqlite.prepare('select language from invites where email = ?').get('abuela@family.example')).toEqual({ language: 'es' })
    const [mail] = outbox('invite').filter((m) => m.to_email === 'abuela@family.example')
    expect(mail!.subject).toBe('Dana Rivera le invitó al equipo de Maya Thompson en Same Page')
    // The role and the last day are words of the mail too: made in Spanish, not in the inviter's English.
    expect(mail!.text_body).toMatch(/ de (diciembre|enero) de 202[67]/)
    expect(mail!.text_body).not.toMatch(/December|January/)
  })

  test('the weekly digest is written in each parent’s language: Maya’s mother’s in Spanish, Laura’s in English', async () => {
    await runDigestPass(t.db, new Date('2026-12-11T15:30:00'))
    const digests = t.sqlite.prepare("select user_id, subject, text_body from mail_outbox where kind = 'digest'").all() as { user_id: string; subject: string; text_body: string }[]
    const rosa = digests.find((d) => d.user_id === demo.users.mayaParent)
    const laura = digests.find((d) => d.user_id === demo.users.parent)
    expect(rosa?.subject).toMatch(/^Su semana con Maya/)
    expect(rosa?.text_body).not.toMatch(/ minutes | week of /)
    expect(laura?.subject).toMatch(/Johnny/)
    expect(laura?.subject).not.toMatch(/^Su semana/)
  })

  test('a notice is written in its reader’s language: the same missed session reads in Spanish for one parent, English for another', async () => {
    setLanguage('parent', 'es')
    t.sqlite.prepare("insert into team_members (id, student_id, user_id, role, added_at) values ('member-rosa-j', ?, ?, 'parent', ?)").run(demo.johnnyId, demo.users.mayaParent, NOW.toISOString())
    t.sqlite.prepare('update users set language = ? where id = ?').run('en', demo.users.mayaParent)
    await inLanguage('en', () =>
      t.db.transaction().execute((trx) =>
        notifyParentsOfMiss(trx, { studentId: demo.johnnyId, serviceName: 'Speech', date: '2026-12-08', reason: 'provider_absent', recordId: 'r1', actorId: demo.users.speech, now: NOW }),
      ),
    )
    const notices = t.sqlite.prepare("select user_id, text from notifications where kind = 'session_missed' and related_id = 'r1'").all() as { user_id: string; text: string }[]
    const laura = notices.find((n) => n.user_id === demo.users.parent)!.text
    const rosa = notices.find((n) => n.user_id === demo.users.mayaParent)!.text
    expect(laura).toContain('8 dic')
    expect(laura).toContain('especialista ausente')
    expect(rosa).toContain('Dec 8')
    expect(rosa).toContain('provider absent')
  })
})
