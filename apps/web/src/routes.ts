// Every path of the app in one place. Paths are real URLs (the API serves the app's page for any
// path that is not a file), so a link can be shared and the back button works. A reporter's home
// (`/`) is the report form, also at `/report`; its scenarios are at `/scenarios`.
export const paths = {
  home: '/',
  signIn: '/sign-in',
  scenarios: '/scenarios',
  report: '/report',
  reported: (areaCode?: string, date?: string) => {
    const query = new URLSearchParams();
    if (areaCode) query.set('area', areaCode);
    if (date) query.set('date', date);
    const text = query.toString();
    return text ? `/reports?${text}` : '/reports';
  },
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
  scenarios: '/scenarios',
  report: '/report',
  reported: '/reports',
  areas: '/areas/:code?',
  plan: '/scenarios/:id',
  whatIf: '/scenarios/:id/what-if',
  staffing: '/scenarios/:id/staffing',
  roster: '/scenarios/:id/roster',
  visits: '/scenarios/:id/visits',
  compare: '/compare',
} as const;
