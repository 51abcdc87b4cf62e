/** Words of shared notebooks. */
export const notes = {
} as const
