/** Words of refusals from the server: why a request changed nothing. */
export const refusals = {
} as const
