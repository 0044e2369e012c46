import { areaScope } from '../auth/access.ts';
import { signedIn } from '../auth/signed-in.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';

const TeamKindEnum = builder.enumType('TeamKind', {
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
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: TeamKindEnum }),
    homeAreaCode: t.exposeString('homeAreaCode'),
    homeArea: t.relation('homeArea'),
    machines: t.exposeInt('machines'),
  }),
});

builder.queryField('teams', (t) =>
  t.prismaField({
    type: ['Team'],
    nullable: true,
    description:
      'Teams by code based in the areas the caller sees; only those based in one area when `homeAreaCode` is given. Null, with its error, when refused.',
    args: { homeAreaCode: t.arg.string() },
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
