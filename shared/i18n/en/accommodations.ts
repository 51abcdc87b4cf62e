/** Words of the accommodation list and its forms. */
export const accommodations = {
} as const
