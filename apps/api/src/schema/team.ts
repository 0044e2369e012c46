import { PlanningInputError } from '@muster/planning';
import { areaScope, isInSubtree, withinScope } from '../auth/access.ts';
import { signedIn } from '../auth/signed-in.ts';
import { liveTokenWhere, type Principal } from '../auth/tokens.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';
import { ForbiddenError, isUniqueViolation, NotFoundError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { inputErrors } from './error.ts';

const TeamKindEnum = builder.enumType('TeamKind', {
  description: 'How a team works: at one site or from commune to commune.',
  values: {
    FIXED: { description: 'Works at one site (its home commune).' },
    MOBILE: { description: 'Carries its machines from commune to commune.' },
  } as const,
});

builder.prismaNode('Team', {
  description: 'A crew with its machines.',
  id: { field: 'code' },
  nullable: true,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The team’s own key, e.g. `DN-DAK-SONG-MOBILE`.' }),
    name: t.exposeString('name', { description: 'Name shown to planners.' }),
    kind: t.expose('kind', { description: 'At a fixed site or mobile.', type: TeamKindEnum }),
    homeAreaCode: t.exposeString('homeAreaCode', {
      description:
        'Code of the area it is based in; its reports lie inside it. A FIXED team’s site stands in it; a MOBILE team visits the communes under it.',
    }),
    homeArea: t.relation('homeArea', { description: 'The area it is based in.' }),
    machines: t.exposeInt('machines', {
      description: 'Enrollment machines it works with (carries, when mobile), machines.',
    }),
    crews: t.exposeInt('crews', {
      description:
        'Crews behind the team, who take turns by whole days under the roster rules (11 h rest, 48 h a week, 1 day off in 7): they set a MOBILE team’s working hours per day and its days off.',
    }),
    retired: t.exposeBoolean('retired', {
      description: 'A retired team keeps its reports but is planned and listed no more.',
    }),
  }),
});

builder.queryField('teams', (t) =>
  t.prismaField({
    type: ['Team'],
    nullable: true,
    description:
      'Teams by code based in the areas the caller sees; only those based in one area when `homeAreaCode` is given; retired teams only with `includeRetired`. Null, with its error, when refused.',
    args: {
      homeAreaCode: t.arg.string({ description: 'Only the teams based in this area (its code).' }),
      includeRetired: t.arg.boolean({ description: 'List retired teams too. Default false.' }),
    },
    authScopes: (_root, args) =>
      args.homeAreaCode != null ? { seesArea: args.homeAreaCode } : { signedIn: true },
    resolve: (query, _root, args, { principal }) =>
      prisma.team.findMany({
        ...query,
        where: {
          homeArea: signedIn(principal, areaScope),
          ...(args.homeAreaCode != null ? { homeAreaCode: args.homeAreaCode } : {}),
          ...(args.includeRetired ? {} : { retired: false }),
        },
        orderBy: { code: 'asc' },
      }),
  }),
);

const TeamInputRef = builder.inputType('TeamInput', {
  description: 'A new team.',
  fields: (t) => ({
    code: t.string({
      required: true,
      description:
        'Unique key, such as `DN-DAK-GLONG-MOBILE-2`: 1 to 64 characters, no space at either end, unlike any other team’s code whatever its case.',
    }),
    name: t.string({
      required: true,
      description: 'The team’s name, for people: 1 to 200 characters, not blank.',
    }),
    kind: t.field({ type: TeamKindEnum, required: true, description: 'At a fixed site or mobile.' }),
    homeAreaCode: t.string({
      required: true,
      description: 'Where the team is based (see Team.homeAreaCode).',
    }),
    machines: t.int({ required: true, description: 'Machines the team works with at once, 0 to 1,000.' }),
    crews: t.int({ description: 'Crews behind the team, 1 to 20. Default 2.' }),
  }),
});

const TeamUpdateInputRef = builder.inputType('TeamUpdateInput', {
  description: 'Changes to a team; absent fields keep their value.',
  fields: (t) => ({
    name: t.string({ description: 'The team’s name, for people: 1 to 200 characters, not blank.' }),
    homeAreaCode: t.string({
      description:
        'Where the team is based; the caller must plan both areas. Its reporters’ tokens scoped to the old home move with it; refused (conflict) while a live token of the team is scoped to an area inside the old home that the new one does not hold: revoke it first.',
    }),
    machines: t.int({ description: 'Machines the team works with at once, 0 to 1,000.' }),
    crews: t.int({ description: 'Crews behind the team, 1 to 20.' }),
  }),
});

/** A whole number within its bounds, or a refusal naming the argument. */
function checkCount(value: number | null | undefined, path: string, min: number, max: number): void {
  if (value == null) return;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new PlanningInputError({
      path,
      code: 'range',
      expected: `an integer from ${min} to ${max}`,
      received: value,
    });
}

const MAX_TEAM_CODE_LENGTH = 64;
const MAX_TEAM_NAME_LENGTH = 200;

/**
 * A team's code is what its reporters type and its reports carry: an empty one could never report
 * (a report's `teamCode` must not be empty) and one with a space at an end reads as another.
 */
function checkTeamCode(code: string): void {
  if (code.length < 1 || code.length > MAX_TEAM_CODE_LENGTH || code.trim() !== code) {
    throw new PlanningInputError({
      path: 'input.code',
      code: 'format',
      expected: `a code of 1 to ${MAX_TEAM_CODE_LENGTH} characters with no space at either end`,
      received: code,
    });
  }
}

function checkTeamName(name: string | null | undefined): void {
  if (name == null) return;
  if (name.trim() === '' || name.length > MAX_TEAM_NAME_LENGTH) {
    throw new PlanningInputError({
      path: 'input.name',
      code: 'range',
      expected: `a name of 1 to ${MAX_TEAM_NAME_LENGTH} characters, not blank`,
      received: name,
    });
  }
}

/**
 * Who may change a team: whoever plans its home area. A team that does not exist is left to the
 * resolver to answer as missing, for planners and admins only.
 */
async function plansTeam(code: string) {
  const team = await prisma.team.findUnique({ where: { code }, select: { homeAreaCode: true } });
  return team === null ? { $any: { admin: true, planner: true } } : { plansArea: team.homeAreaCode };
}

/**
 * The team `code`, locked for the transaction (a concurrent change of it waits), with its home's
 * path, once the caller is seen to plan that home: the scope was checked on a read before the lock,
 * and a move committed in between (by an admin) may have taken the team out of the caller's area.
 */
async function lockTeamInScope(
  tx: Prisma.TransactionClient,
  code: string,
  principal: Principal | null,
): Promise<{ code: string; homeAreaCode: string; path: string }> {
  const [found] = await tx.$queryRaw<{ code: string; homeAreaCode: string; path: string }[]>`
    SELECT t."code", t."homeAreaCode", a."path" FROM "Team" AS t
    JOIN "Area" AS a ON a."code" = t."homeAreaCode"
    WHERE t."code" = ${code} FOR UPDATE OF t`;
  if (found === undefined) throw new NotFoundError('team', code, 'code');
  if (principal === null || !withinScope(principal, found.path)) {
    throw new ForbiddenError(
      `Team ${code} is no longer in the caller's area: it was moved meanwhile.`,
      'code',
    );
  }
  return found;
}

/**
 * Moves a team's home and, with it, the scope of its reporters' live tokens: a token scoped to the
 * old home follows the team (a reporter reports and sees where its team is based), while one scoped
 * to a smaller area inside the old home that the new home does not hold would be left outside its
 * team, so the move is refused until that token is revoked. Runs inside the move's transaction.
 */
async function moveReporterTokens(
  tx: Prisma.TransactionClient,
  team: { code: string; homeAreaCode: string },
  to: string,
): Promise<void> {
  const home = await tx.area.findUnique({ where: { code: to }, select: { path: true } });
  if (!home) throw new NotFoundError('area', to, 'input.homeAreaCode');
  const narrowed = await tx.apiToken.findMany({
    where: { ...liveTokenWhere(), teamCode: team.code, areaCode: { not: team.homeAreaCode } },
    select: { name: true, area: { select: { code: true, path: true } } },
  });
  const stranded = narrowed.filter((token) => !token.area || !isInSubtree(token.area.path, home.path));
  if (stranded.length > 0) {
    throw new PlanningInputError({
      path: 'input.homeAreaCode',
      code: 'conflict',
      expected: `a home holding the areas of team ${team.code}'s live reporter tokens (revoke ${stranded
        .map((token) => `"${token.name}" of area ${token.area?.code}`)
        .join(', ')} first)`,
      received: to,
    });
  }
  await tx.apiToken.updateMany({
    where: { ...liveTokenWhere(), teamCode: team.code, areaCode: team.homeAreaCode },
    data: { areaCode: to },
  });
}

builder.mutationFields((t) => ({
  createTeam: t.prismaField({
    type: 'Team',
    description: 'Creates a team based in an area the caller plans (admins anywhere; reporters cannot).',
    errors: { types: inputErrors },
    args: { input: t.arg({ type: TeamInputRef, required: true, description: 'The team.' }) },
    skipTypeScopes: true,
    authScopes: (_root, args) => ({ plansArea: args.input.homeAreaCode }),
    resolve: async (query, _root, { input }) => {
      checkCount(input.machines, 'input.machines', 0, 1000);
      checkCount(input.crews, 'input.crews', 1, 20);
      checkTeamCode(input.code);
      checkTeamName(input.name);
      // The code is looked at only now, once the caller may create a team there (its scopes, which
      // answer an unknown home area as not found), and by the unique keys (the code, and the code
      // whatever its case), so that concurrent creates of one code get one team and the same
      // refusal, which says that the code is taken (codes are one namespace) and nothing of the
      // team holding it. The look-up first covers a database whose older pairs kept the
      // case-blind index from being built (the migration team_code_any_case).
      const taken = () =>
        new PlanningInputError({
          path: 'input.code',
          code: 'duplicate',
          expected: 'a code no team has, whatever its case (team codes are one namespace for every area)',
          received: input.code,
        });
      const alike = await prisma.$queryRaw<{ code: string }[]>`
        SELECT "code" FROM "Team" WHERE lower("code") = lower(${input.code}) LIMIT 1`;
      if (alike.length > 0) throw taken();
      try {
        return await prisma.team.create({
          ...query,
          data: {
            code: input.code,
            name: input.name,
            kind: input.kind,
            homeAreaCode: input.homeAreaCode,
            machines: input.machines,
            crews: input.crews ?? 2,
          },
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw taken();
      }
    },
  }),
  updateTeam: t.prismaField({
    type: 'Team',
    description:
      'Changes a team the caller plans (admins any; reporters cannot); moving it needs the right to plan where it goes.',
    errors: { types: inputErrors },
    args: {
      code: t.arg.string({ required: true, description: 'The team’s code.' }),
      input: t.arg({ type: TeamUpdateInputRef, required: true, description: 'The changes.' }),
    },
    skipTypeScopes: true,
    authScopes: async (_root, args) => ({
      $all: {
        $any: await plansTeam(args.code),
        ...(args.input.homeAreaCode != null ? { plansArea: args.input.homeAreaCode } : {}),
      },
    }),
    resolve: async (query, _root, { code, input }, { principal }) => {
      checkCount(input.machines, 'input.machines', 0, 1000);
      checkCount(input.crews, 'input.crews', 1, 20);
      checkTeamName(input.name);
      return prisma.$transaction(async (tx) => {
        const found = await lockTeamInScope(tx, code, principal);
        if (input.homeAreaCode != null && input.homeAreaCode !== found.homeAreaCode)
          await moveReporterTokens(tx, found, input.homeAreaCode);
        return tx.team.update({
          ...query,
          where: { code },
          data: {
            ...(input.name != null ? { name: input.name } : {}),
            ...(input.homeAreaCode != null ? { homeAreaCode: input.homeAreaCode } : {}),
            ...(input.machines != null ? { machines: input.machines } : {}),
            ...(input.crews != null ? { crews: input.crews } : {}),
          },
        });
      });
    },
  }),
  retireTeam: t.prismaField({
    type: 'Team',
    description:
      'Retires a team the caller plans (admins any; reporters cannot): it keeps its reports and tokens’ history but is planned and listed no more.',
    errors: { types: inputErrors },
    args: { code: t.arg.string({ required: true, description: 'The team’s code.' }) },
    skipTypeScopes: true,
    authScopes: async (_root, args) => plansTeam(args.code),
    resolve: (query, _root, { code }, { principal }) =>
      prisma.$transaction(async (tx) => {
        await lockTeamInScope(tx, code, principal);
        return tx.team.update({ ...query, where: { code }, data: { retired: true } });
      }),
  }),
}));
