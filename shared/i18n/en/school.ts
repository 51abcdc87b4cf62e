/** Words of school settings: calendar, make-up policy, plan import. */
export const school = {
} as const
