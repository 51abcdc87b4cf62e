/** Words of minutes owed and delivered: the student view, the caseload and the school view. */
export const accountability = {
} as const
