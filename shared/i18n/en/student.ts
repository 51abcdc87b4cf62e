/** Words of the student page, profiles, access and notifications. */
export const student = {
} as const
