// `viewer`: who the bearer token says the caller is, so a client can show it and hide what it may not do.
import type { Principal } from '../auth/tokens.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';

export const RoleEnum = builder.enumType('Role', {
  description: 'What a token may do.',
  values: {
    ADMIN: { description: 'Everything, everywhere.' },
    PLANNER: { description: 'Reads and plans the scenarios of one area subtree.' },
    REPORTER: { description: "Records one team's actual reports in its area." },
  } as const,
});

const ViewerRef = builder.objectRef<Principal>('Viewer').implement({
  description: 'Who the bearer token says the caller is.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name on the token; writes are recorded under it.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What it may do.' }),
    areaCode: t.exposeString('areaCode', { nullable: true, description: 'Root of the subtree it sees.' }),
    teamCode: t.exposeString('teamCode', { nullable: true, description: 'The team a reporter reports for.' }),
    expiresAt: t.field({
      type: 'DateTime',
      description:
        'When the token stops working (UTC), so a client can warn its holder in time to get a new one.',
      resolve: async (principal) => {
        // Tokens are revoked, never deleted: the one read for this request is there.
        const token = await prisma.apiToken.findUniqueOrThrow({
          where: { id: principal.tokenId },
          select: { expiresAt: true },
        });
        return token.expiresAt;
      },
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: 'The caller named by the bearer token; null without one.',
    skipTypeScopes: true,
    resolve: (_root, _args, { principal }) => principal,
  }),
);
