import { describe, expect, it } from 'vitest'
import { appPagesFor, currentAppPage, hasAppPage, todayComesFirst } from './app-pages.ts'

describe('appPagesFor', () => {
  it('gives a parent only Today and My students', () => {
    expect(appPagesFor(['parent'])).toEqual(['today', 'students'])
  })
  it('gives a para Today and My students, not the week of sessions or the caseload', () => {
    expect(appPagesFor(['para'])).toEqual(['today', 'students'])
  })
  it('gives case managers and providers every page', () => {
    expect(appPagesFor(['case_manager'])).toEqual(['today', 'sessions', 'caseload', 'students'])
    expect(appPagesFor(['provider'])).toEqual(['today', 'sessions', 'caseload', 'students'])
  })
  it('gives a school admin who is on no team only My students', () => {
    expect(appPagesFor(['school_admin'])).toEqual(['students'])
    expect(appPagesFor([])).toEqual(['students'])
  })
  it('takes the widest of a person’s roles: a parent who is also a provider elsewhere records sessions', () => {
    expect(hasAppPage(['parent', 'provider'], 'sessions')).toBe(true)
    expect(hasAppPage(['parent', 'para'], 'caseload')).toBe(false)
  })
})

describe('currentAppPage', () => {
  it('marks My students for the home page and every student page', () => {
    expect(currentAppPage('/')).toBe('students')
    expect(currentAppPage('/students/s1/history')).toBe('students')
  })
  it('marks the page and the pages under it, not pages that merely start with the same letters', () => {
    expect(currentAppPage('/sessions')).toBe('sessions')
    expect(currentAppPage('/today')).toBe('today')
    expect(currentAppPage('/caseload')).toBe('caseload')
    expect(currentAppPage('/todays')).toBeNull()
    expect(currentAppPage('/school/x/accountability')).toBeNull()
  })
})

describe('todayComesFirst', () => {
  it('is for the adults with the student all day: paras and providers', () => {
    expect(todayComesFirst(['para'])).toBe(true)
    expect(todayComesFirst(['parent', 'provider'])).toBe(true)
    expect(todayComesFirst(['case_manager'])).toBe(false)
    expect(todayComesFirst(['parent'])).toBe(false)
    expect(todayComesFirst(['school_admin'])).toBe(false)
    expect(todayComesFirst([])).toBe(false)
  })
})
