// `pnpm --filter @muster/api token --role planner --area 67 --name "Đắk Nông planning office"`:
// issues a bearer token and prints it once (only its hash is stored). `--revoke <name>` revokes
// every live token of that name.
import { parseArgs } from 'node:util';
import { PlanningInputError } from '@muster/planning';
import { issueToken, type Role, revokeTokens } from '../auth/tokens.ts';
import { database } from '../db.ts';
import { NotFoundError } from '../errors.ts';
import { applyMigrations } from '../migrate.ts';

const usage = `usage: token --role admin|planner|reporter [--area <code>] [--team <code>] [--name <holder>]
       token --revoke <holder>`;

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    area: { type: 'string' },
    team: { type: 'string' },
    name: { type: 'string' },
    revoke: { type: 'string' },
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
    const { token } = await issueToken(database.prisma, {
      role,
      name,
      areaCode: values.area ?? null,
      teamCode: values.team ?? null,
    });
    console.log(token);
  }
} catch (error) {
  if (!(error instanceof PlanningInputError || error instanceof NotFoundError)) throw error;
  console.error(
    `${error.message
      .replace(/^name\b/, '--name')
      .replace(/^areaCode\b/, '--area')
      .replace(/^teamCode\b/, '--team')}\n${usage}`,
  );
  status = 2;
} finally {
  await database.close();
}
process.exit(status);
