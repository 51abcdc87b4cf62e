import { describe, expect, it } from 'vitest'
import { studentTabOf, studentTabsFor } from './student-tabs.ts'

describe('studentTabsFor', () => {
  it('shows every section to the team, in one order', () => {
    expect(studentTabsFor('case_manager')).toEqual(['plan', 'today', 'sessions', 'accountability', 'reports', 'notes', 'concerns', 'history'])
    expect(studentTabsFor('parent')).toEqual(['plan', 'today', 'sessions', 'accountability', 'reports', 'notes', 'concerns', 'history'])
  })
  it('leaves Today and the notebooks out for a school admin, who is not on the team', () => {
    expect(studentTabsFor('school_admin')).toEqual(['plan', 'sessions', 'accountability', 'reports', 'concerns', 'history'])
  })
})

describe('studentTabOf', () => {
  it('marks the plan for the student’s own address and the plan’s pages', () => {
    expect(studentTabOf('')).toBe('plan')
    expect(studentTabOf('/goals/g1/edit')).toBe('plan')
    expect(studentTabOf('/checks')).toBe('plan')
  })
  it('marks the section a page belongs to', () => {
    expect(studentTabOf('/today')).toBe('today')
    expect(studentTabOf('/sessions')).toBe('sessions')
    expect(studentTabOf('/concerns/c1/letter')).toBe('concerns')
    expect(studentTabOf('/brief')).toBe('accountability')
    expect(studentTabOf('/reports/p1/v/2')).toBe('reports')
    expect(studentTabOf('/notes/n1/history')).toBe('notes')
    expect(studentTabOf('/access')).toBe('history')
  })
  it('does not take a page for another that merely starts with the same letters', () => {
    expect(studentTabOf('/sessionsx')).toBe('plan')
  })
})
