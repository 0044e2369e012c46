// `pnpm --filter @muster/api token --role planner --area 67 --name "Đắk Nông planning office"`:
// issues a bearer token and prints it once on stdout (only its hash is stored), and when it expires
// on stderr; `--expires-in-days <n>` sets its lifetime. `--revoke <name>` revokes every live token
// of that name.
import { parseArgs } from 'node:util';
import { PlanningInputError } from '@muster/planning';
import {
  DEFAULT_TOKEN_LIFETIME_DAYS,
  issueToken,
  MAX_TOKEN_LIFETIME_DAYS,
  type Role,
  revokeTokens,
} from '../auth/tokens.ts';
import { database } from '../db.ts';
import { NotFoundError } from '../errors.ts';
import { applyMigrations } from '../migrate.ts';

const usage = `usage: token --role admin|planner|reporter [--area <code>] [--team <code>] [--name <holder>]
             [--expires-in-days <1-${MAX_TOKEN_LIFETIME_DAYS}>]   (default: admin ${DEFAULT_TOKEN_LIFETIME_DAYS.ADMIN}, planner ${DEFAULT_TOKEN_LIFETIME_DAYS.PLANNER}, reporter ${DEFAULT_TOKEN_LIFETIME_DAYS.REPORTER})
       token --revoke <holder>`;

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    area: { type: 'string' },
    team: { type: 'string' },
    name: { type: 'string' },
    revoke: { type: 'string' },
    'expires-in-days': { type: 'string' },
  },
});

const roles: Record<string, Role> = { admin: 'ADMIN', planner: 'PLANNER', reporter: 'REPORTER' };
let status = 0;
try {
  await applyMigrations(database);
  if (values.revoke !== undefined) {
    console.log(`revoked ${await revokeTokens(database.prisma, { name: values.revoke })} token(s)`);
  } else {
    const role = roles[values.role?.toLowerCase() ?? ''];
    if (!role)
      throw new PlanningInputError({
        path: '--role',
        code: 'format',
        expected: 'admin, planner or reporter',
        received: values.role ?? null,
      });
    const name = values.name ?? [values.role, values.area ?? values.team].filter(Boolean).join(' ');
    const days = values['expires-in-days'];
    // Read as a number only when written as one: "30d" or "" is refused, not read as 30 or 0.
    if (days !== undefined && !/^\d+$/.test(days))
      throw new PlanningInputError({
        path: '--expires-in-days',
        code: 'format',
        expected: `a whole number of days from 1 to ${MAX_TOKEN_LIFETIME_DAYS}`,
        received: days,
      });
    const { token, expiresAt } = await issueToken(database.prisma, {
      role,
      name,
      areaCode: values.area ?? null,
      teamCode: values.team ?? null,
      expiresInDays: days === undefined ? null : Number(days),
    });
    console.log(token);
    console.error(`expires ${expiresAt.toISOString()}`);
  }
} catch (error) {
  if (!(error instanceof PlanningInputError || error instanceof NotFoundError)) throw error;
  console.error(
    `${error.message
      .replace(/^name\b/, '--name')
      .replace(/^areaCode\b/, '--area')
      .replace(/^teamCode\b/, '--team')
      .replace(/^expiresInDays\b/, '--expires-in-days')}\n${usage}`,
  );
  status = 2;
} finally {
  await database.close();
}
process.exit(status);
