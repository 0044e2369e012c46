import { areaScope } from '../auth/access.ts';
import { signedIn } from '../auth/signed-in.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';

const TeamKindEnum = builder.enumType('TeamKind', {
  description: 'How a team works: at one site or from commune to commune.',
  values: {
    FIXED: { description: 'Works at one site.' },
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
      description: 'Code of the area it is based in; its reports lie inside it.',
    }),
    homeArea: t.relation('homeArea', { description: 'The area it is based in.' }),
    machines: t.exposeInt('machines', {
      description: 'Enrollment machines it works with (carries, when mobile), machines.',
    }),
  }),
});

builder.queryField('teams', (t) =>
  t.prismaField({
    type: ['Team'],
    nullable: true,
    description:
      'Teams by code based in the areas the caller sees; only those based in one area when `homeAreaCode` is given. Null, with its error, when refused.',
    args: { homeAreaCode: t.arg.string({ description: 'Only the teams based in this area (its code).' }) },
    authScopes: (_root, args) =>
      args.homeAreaCode != null ? { seesArea: args.homeAreaCode } : { signedIn: true },
    resolve: (query, _root, args, { principal }) =>
      prisma.team.findMany({
        ...query,
        where: {
          homeArea: signedIn(principal, areaScope),
          ...(args.homeAreaCode != null ? { homeAreaCode: args.homeAreaCode } : {}),
        },
        orderBy: { code: 'asc' },
      }),
  }),
);
