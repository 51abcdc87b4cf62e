/** Words of the session checklist, the week and the session log. */
export const sessions = {
} as const
