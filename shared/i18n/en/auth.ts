/** Words of signing in, invites and signing out. */
export const auth = {
} as const
