/** Words of goals, their plain-language parts and progress points. */
export const goals = {
} as const
