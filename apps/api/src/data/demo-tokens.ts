// One token per role for the embedded demo (and a planner of today's units beside the 2021 one), so a newcomer can paste one into GraphiQL at once.
// They are renewed at every start (the old ones revoked): only hashes are stored, so a token
// can be shown only when it is issued. They last a week (DEMO_TOKEN_LIFETIME_DAYS), not a season
// like the tokens an admin issues: printed in a terminal and in links, they should not outlive the
// demo for long.
import { issueToken, revokeTokens, type TokenRequest } from '../auth/tokens.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { NGHE_AN_2025 } from './seed-demo.ts';

const DEMO_TOKENS: (TokenRequest & { what: string })[] = [
  { role: 'ADMIN', name: 'Quản trị mẫu', what: 'everything' },
  { role: 'PLANNER', name: 'Cán bộ kế hoạch mẫu, Đắk Nông', areaCode: '67', what: 'plans Đắk Nông (67)' },
  {
    role: 'PLANNER',
    name: 'Cán bộ kế hoạch mẫu, Nghệ An theo đơn vị 2025',
    areaCode: NGHE_AN_2025,
    what: `plans Nghệ An in today's units (${NGHE_AN_2025}, scenario nghe-an-2025)`,
  },
  {
    role: 'REPORTER',
    name: 'Báo cáo viên mẫu, Tổ lưu động Đắk Song',
    teamCode: 'DN-DAK-SONG-MOBILE',
    what: 'records for team DN-DAK-SONG-MOBILE in Đắk Song (665)',
  },
];

/** The demo tokens' names before they were written in Vietnamese: revoked like the others. */
const FORMER_NAMES = [
  'demo admin',
  'demo planner, Đắk Nông',
  'demo planner, Nghệ An in the units of 2025',
  'demo reporter, Đắk Song mobile team',
];

/** Days a demo token works; every start issues new ones. */
export const DEMO_TOKEN_LIFETIME_DAYS = 7;

export type DemoToken = { role: string; name: string; what: string; token: string; expiresAt: Date };

export async function renewDemoTokens(prisma: PrismaClient): Promise<DemoToken[]> {
  const issued: DemoToken[] = [];
  for (const name of FORMER_NAMES) await revokeTokens(prisma, { name });
  for (const { what, ...request } of DEMO_TOKENS) {
    await revokeTokens(prisma, { name: request.name });
    const { token, expiresAt } = await issueToken(prisma, {
      ...request,
      expiresInDays: DEMO_TOKEN_LIFETIME_DAYS,
    });
    issued.push({ role: request.role, name: request.name, what, token, expiresAt });
  }
  return issued;
}
