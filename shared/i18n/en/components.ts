/** Words of the building blocks pages share (form parts, plain-language help). */
export const components = {
} as const
