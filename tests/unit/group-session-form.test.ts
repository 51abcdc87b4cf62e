import { describe, expect, test } from 'vitest'
import { groupSavedMessage } from '#app/routes/sessions/group-session-action.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { groupSessionFormSchema } from '#shared/schemas/group-sessions.ts'

describe('the week’s group session form', () => {
  test('a ticked box is present, an unticked one absent with the reason chosen beside it', () => {
    const form = new FormData()
    for (const [k, v] of [
      ['intent', 'group'],
      ['target', 'group:x:2026-11-18'],
      ['studentId', 'leo'],
      ['serviceId', 'svc'],
      ['date', '2026-11-18'],
      ['minutes', '25'],
      ['students[0].studentId', 'leo'],
      ['students[0].present', 'on'],
      ['students[0].reason', 'student_absent'],
      ['students[1].studentId', 'ava'],
      ['students[1].reason', 'student_declined'],
    ]) form.append(k!, v!)
    const parsed = parseForm(form, groupSessionFormSchema)
    expect(parsed.ok && parsed.value.students).toEqual([
      { studentId: 'leo', present: true, reason: 'student_absent' },
      { studentId: 'ava', present: false, reason: 'student_declined' },
    ])
  })

  test('minutes out of range are refused beside the field, nothing else read', () => {
    const form = new FormData()
    for (const [k, v] of [['studentId', 'leo'], ['serviceId', 'svc'], ['date', '2026-11-18'], ['minutes', '0'], ['students[0].studentId', 'leo']]) form.append(k!, v!)
    const parsed = parseForm(form, groupSessionFormSchema)
    expect(parsed.ok ? null : Object.keys(parsed.fieldErrors)).toEqual(['minutes'])
  })

  test('the confirmation names each student’s record, and those left alone because already recorded', () => {
    const record = { kind: 'delivered', minutes: 30, reason: null, studentId: 'leo', studentName: 'Leo Garcia' }
    const saved = { groupName: 'Social skills group', date: '2026-11-18', groupSessionId: 'g', written: [record], skipped: [{ studentId: 'ava', serviceId: 's', studentName: 'Ava Brooks' }] }
    expect(groupSavedMessage(saved as never)).toBe('Social skills group, Wed, Nov 18: Leo Garcia delivered (30 min). Already recorded, left alone: Ava Brooks.')
    expect(groupSavedMessage({ ...saved, written: [], groupSessionId: null } as never)).toBe('Social skills group, Wed, Nov 18: nothing new to record. Already recorded, left alone: Ava Brooks.')
  })
})
