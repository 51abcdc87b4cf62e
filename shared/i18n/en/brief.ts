/** Words of the meeting brief page. */
export const brief = {
} as const
