/** Words of the History page: one sentence per recorded event. */
export const history = {
} as const
