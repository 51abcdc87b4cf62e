/** Words of services on the plan and their changes. */
export const services = {
} as const
