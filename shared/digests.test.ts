import { describe, expect, test } from 'vitest'
import { renderMail } from './mail/compose.ts'
import { dailyDigest, digestDedupeKey, latestDuePeriod, weekMinutes, weeklyDigest } from './digests.ts'

describe('latestDuePeriod: which period is due now', () => {
  test('weekly: before Friday 15:00 the previous week is the latest due; from 15:00 this week is', () => {
    // 2026-12-11 is a Friday.
    expect(latestDuePeriod('weekly', { date: '2026-12-11', minutes: 14 * 60 + 59 })).toEqual({ key: 'week-2026-11-30', from: '2026-11-30', to: '2026-12-04' })
    expect(latestDuePeriod('weekly', { date: '2026-12-11', minutes: 15 * 60 })).toEqual({ key: 'week-2026-12-07', from: '2026-12-07', to: '2026-12-11' })
  })
  test('weekly catch-up: a server back on Monday owes only the Friday just gone', () => {
    expect(latestDuePeriod('weekly', { date: '2026-12-14', minutes: 8 * 60 }).key).toBe('week-2026-12-07')
    expect(latestDuePeriod('weekly', { date: '2026-12-13', minutes: 23 * 60 }).key).toBe('week-2026-12-07')
  })
  test('daily: 17:00 school days; a weekend points back to Friday', () => {
    expect(latestDuePeriod('daily', { date: '2026-12-08', minutes: 16 * 60 + 59 }).key).toBe('day-2026-12-07')
    expect(latestDuePeriod('daily', { date: '2026-12-08', minutes: 17 * 60 }).key).toBe('day-2026-12-08')
    expect(latestDuePeriod('daily', { date: '2026-12-13', minutes: 18 * 60 }).key).toBe('day-2026-12-11')
    expect(latestDuePeriod('daily', { date: '2026-12-14', minutes: 9 * 60 }).key).toBe('day-2026-12-11')
  })
  test('dedupe keys name cadence, person, student and period', () => {
    const p = latestDuePeriod('weekly', { date: '2026-12-11', minutes: 16 * 60 })
    expect(digestDedupeKey('weekly', 'u1', p, 's1')).toBe('digest:weekly:u1:s1:week-2026-12-07')
    expect(digestDedupeKey('daily', 'u1', latestDuePeriod('daily', { date: '2026-12-11', minutes: 18 * 60 }))).toBe('digest:daily:u1:day-2026-12-11')
  })
})

describe('weeklyDigest: one readable email', () => {
  const period = { key: 'week-2026-12-07', from: '2026-12-07', to: '2026-12-11' }
  const mail = weeklyDigest({
    recipientName: 'Laura',
    studentName: 'Johnny <b>',
    period,
    services: [{ name: 'Speech-language therapy', week: { mandated: 60, delivered: 30 }, year: { mandated: 900, delivered: 780 }, owed: 90, madeUp: 30 }],
    notProvided: [{ date: '2026-12-08', title: 'Extra time on tests' }],
    notices: [{ date: '2026-12-09', text: 'Speech was missed: provider absent.' }],
    briefUrl: 'http://localhost:3000/students/s1/brief',
    settingsUrl: 'http://localhost:3000/account/notices?student=s1',
  })
  const { text, html } = renderMail({ schoolName: 'Lincoln', body: mail.body })
  test('per service: this week and this year, owed and made up', () => {
    expect(text).toContain('Speech-language therapy · This week (minutes delivered of mandated): 30 of 60 min · This school year: 780 of 900 min · Still owed: 90 min · Made up: 30 min')
  })
  test('supports not provided, the week’s notices, the brief and the settings link', () => {
    expect(text).toContain('Extra time on tests')
    expect(text).toContain('Speech was missed: provider absent.')
    expect(text).toContain('Open the meeting brief for Johnny <b>: http://localhost:3000/students/s1/brief')
    expect(text).toContain('Change how you hear about Johnny <b>: http://localhost:3000/account/notices?student=s1')
    expect(mail.subject).toContain('Johnny')
  })
  test('names are escaped in the HTML', () => {
    expect(html).not.toContain('Johnny <b>')
    expect(html).toContain('Johnny &lt;b&gt;')
  })
  test('a quiet week says so rather than leaving blanks', () => {
    const quiet = weeklyDigest({ recipientName: null, studentName: 'Ann', period, services: [], notProvided: [], notices: [], briefUrl: 'http://x/b', settingsUrl: 'http://x/s' })
    expect(quiet.body.paragraphs.join(' ')).toContain('Every support recorded this week was provided.')
    expect(quiet.body.paragraphs.join(' ')).toContain('No other notices this week.')
  })
})

describe('dailyDigest', () => {
  const period = { key: 'day-2026-12-08', from: '2026-12-08', to: '2026-12-08' }
  test('groups the day’s notices by student, with each student’s settings link', () => {
    const mail = dailyDigest({
      recipientName: 'Ms Rivera',
      period,
      students: [
        { name: 'Johnny', notices: ['Speech missed'], settingsUrl: 'http://x/a?student=j' },
        { name: 'Ann', notices: [], settingsUrl: 'http://x/a?student=a' },
      ],
    })!
    const { text } = renderMail({ schoolName: null, body: mail.body })
    expect(text).toContain('Johnny:\n- Speech missed')
    expect(text).not.toContain('Ann')
  })
  test('a day with nothing to say sends nothing', () => {
    expect(dailyDigest({ recipientName: null, period, students: [{ name: 'Ann', notices: [], settingsUrl: 'http://x' }] })).toBeNull()
  })
})

test('weekMinutes reads the Monday-keyed trend, zero for an empty week', () => {
  expect(weekMinutes([{ weekOf: '2026-12-07', mandated: 60, delivered: 30 }], '2026-12-07')).toEqual({ mandated: 60, delivered: 30 })
  expect(weekMinutes([], '2026-12-07')).toEqual({ mandated: 0, delivered: 0 })
})
