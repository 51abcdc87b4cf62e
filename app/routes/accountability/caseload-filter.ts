/** The caseload and school tables' filters: by provider and by service, read from the page's GET form. */

export interface CaseloadRowLike {
  providerId: string
  providerName: string
  serviceName: string
}

export interface CaseloadFilterState {
  provider: string
  service: string
  providers: { id: string; name: string }[]
  services: string[]
}

/**
 * The options come from every row (so a filter never hides the other choices); services are grouped by name,
 * the words people see, since keys are only unique within one student's plan. The rows keep their order.
 */
export function filterCaseload<T extends CaseloadRowLike>(rows: readonly T[], params: URLSearchParams): { rows: T[]; filters: CaseloadFilterState } {
  const providerNames = new Map<string, string>()
  const services = new Set<string>()
  for (const r of rows) {
    providerNames.set(r.providerId, r.providerName)
    services.add(r.serviceName)
  }
  const providers = [...providerNames].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name))
  // An option that no longer exists (a shared link, a removed provider) is ignored rather than showing nothing.
  const provider = providerNames.has(params.get('provider') ?? '') ? (params.get('provider') ?? '') : ''
  const service = services.has(params.get('service') ?? '') ? (params.get('service') ?? '') : ''
  return {
    rows: rows.filter((r) => (!provider || r.providerId === provider) && (!service || r.serviceName === service)),
    filters: { provider, service, providers, services: [...services].sort((a, b) => a.localeCompare(b)) },
  }
}
