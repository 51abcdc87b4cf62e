/** Words of the concern log, its ladder and letters. */
export const concerns = {
} as const
