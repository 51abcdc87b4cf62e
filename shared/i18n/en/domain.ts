/** Words of domain labels shared by pages, PDFs and CSV (reasons, roles, areas, alerts). */
export const domain = {
} as const
