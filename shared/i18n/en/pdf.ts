/** Words of words printed in PDFs. */
export const pdf = {
} as const
