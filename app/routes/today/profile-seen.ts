/**
 * Whether this person has already seen a student's short profile today, on this phone: the profile opens on
 * the first visit of the day and is folded after. One key per person holds only today's student ids, so it
 * never grows; a browser that keeps nothing simply shows the profile open every time.
 */
const PREFIX = 'same-page:profile-seen:'

interface Seen {
  day: string
  students: string[]
}

function read(key: string, day: string): Seen {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Seen> | null
    if (parsed?.day === day && Array.isArray(parsed.students)) return { day, students: parsed.students.filter((s) => typeof s === 'string').slice(0, 200) }
  } catch {
    // Unreadable or unavailable storage: as if nothing was seen.
  }
  return { day, students: [] }
}

/** True when the profile was seen earlier today; marks it seen either way. */
export function seenBeforeToday(userId: string, studentId: string, day: string): boolean {
  const key = PREFIX + userId
  const seen = read(key, day)
  const before = seen.students.includes(studentId)
  if (!before) {
    try {
      localStorage.setItem(key, JSON.stringify({ day, students: [...seen.students, studentId] }))
    } catch {
      // Nothing to keep it in: the profile opens again next time, which is the safe side.
    }
  }
  return before
}
