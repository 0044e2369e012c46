// Every string of the app in English, key for key with vi.ts.
import type { MessageKey } from './vi.ts';

export const en: Record<MessageKey, string> = {
  'language.switch': 'Tiếng Việt',
  'nav.label': 'Sections',
  'nav.scenarios': 'Scenarios',
  'nav.areas': 'Areas',
  'nav.plan': 'Plan',
  'nav.whatIf': 'What-if',
  'nav.staffing': 'Hourly staffing',
  'nav.roster': 'Roster',
  'nav.visits': 'Mobile teams',
  'role.ADMIN': 'admin',
  'role.PLANNER': 'planner',
  'role.REPORTER': 'reporter',
  'signIn.title': 'Sign in',
  'signIn.help':
    'Open the sign-in link that pnpm start prints, or paste the access token you were given. The token stays on this device.',
  'signIn.token': 'Access token',
  'signIn.submit': 'Sign in',
  'signIn.again': 'Sign in again',
  signOut: 'Sign out',
  'state.loading': 'Loading…',
  'action.retry': 'Try again',
  'action.reload': 'Reload the page',
  'problem.offline':
    'Cannot reach the Muster service. Check that it is running (pnpm start) and the network, then try again.',
  'problem.unauthenticated':
    'Your access token is no longer valid (revoked or renewed). Please sign in again.',
  'problem.forbidden': 'Your role may not see or do this.',
  'problem.server': 'The service failed to answer. Try again later.',
  'problem.refused': 'The service refused:',
  'problem.crashed': 'This page failed to draw.',
  'problem.notFound': 'There is no such page.',
  'home.title': 'Scenarios',
  'home.none': 'No scenario in your area yet.',
  'home.signedOut':
    'Sign in to see plans, plan against actual and try what-ifs. The area tree is open without signing in.',
  'home.chooseToCompare': 'Choose {name} to compare',
  'home.compare': 'Compare the chosen scenarios ({count})',
};
