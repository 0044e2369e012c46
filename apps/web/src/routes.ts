// Every path of the app in one place. Paths are real URLs (the API serves the app's page for any
// path that is not a file), so a link can be shared and the back button works. `/report` is kept
// for the reporters' phone form (issue 17).
export const paths = {
  home: '/',
  signIn: '/sign-in',
  areas: (code?: string) => (code ? `/areas/${encodeURIComponent(code)}` : '/areas'),
  plan: (scenarioId: string, areaCode?: string) =>
    `/scenarios/${encodeURIComponent(scenarioId)}${areaCode ? `?area=${encodeURIComponent(areaCode)}` : ''}`,
  whatIf: (scenarioId: string) => `/scenarios/${encodeURIComponent(scenarioId)}/what-if`,
  staffing: (scenarioId: string, areaCode?: string) =>
    `/scenarios/${encodeURIComponent(scenarioId)}/staffing${areaCode ? `?area=${encodeURIComponent(areaCode)}` : ''}`,
  roster: (scenarioId: string) => `/scenarios/${encodeURIComponent(scenarioId)}/roster`,
  visits: (scenarioId: string) => `/scenarios/${encodeURIComponent(scenarioId)}/visits`,
  compare: (scenarioIds: readonly string[]) =>
    `/compare?ids=${scenarioIds.map(encodeURIComponent).join(',')}`,
} as const;

/** The route patterns wouter matches, in the order tried. */
export const patterns = {
  home: '/',
  signIn: '/sign-in',
  areas: '/areas/:code?',
  plan: '/scenarios/:id',
  whatIf: '/scenarios/:id/what-if',
  staffing: '/scenarios/:id/staffing',
  roster: '/scenarios/:id/roster',
  visits: '/scenarios/:id/visits',
  compare: '/compare',
} as const;
