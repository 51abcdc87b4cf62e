/** Words of the first screen after sign-in. */
export const home = {
} as const
