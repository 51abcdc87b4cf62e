/** Words of a para's Today view. */
export const today = {
} as const
