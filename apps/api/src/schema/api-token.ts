// Tokens managed through the API by admins: issued and revoked while the service runs, on every
// backend (the embedded database is held by the service, so this is the way to manage its tokens
// without stopping it), and listed without their secrets.
import { PlanningInputError } from '@muster/planning';
import {
  DEFAULT_TOKEN_LIFETIME_DAYS,
  issueToken,
  liveTokenWhere,
  MAX_TOKEN_LIFETIME_DAYS,
  revokeTokens,
} from '../auth/tokens.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';
import { inputErrors } from './error.ts';
import { RoleEnum } from './viewer.ts';

builder.prismaObject('ApiToken', {
  name: 'ApiToken',
  description:
    'A bearer token as stored: who holds it and what it grants; never its secret (only a hash is kept).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The token’s id (not its secret): what `revokeToken(id:)` takes.' }),
    name: t.exposeString('name', { description: 'Who holds it; writes made with it are recorded under it.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What it may do.' }),
    areaCode: t.exposeString('areaCode', { nullable: true, description: 'Root of the subtree it sees.' }),
    teamCode: t.exposeString('teamCode', { nullable: true, description: 'The team a reporter reports for.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was issued (UTC).' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description:
        'When it stops working (UTC): refused from then on like a revoked token, and its open subscriptions end.',
    }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Null while it works.',
    }),
  }),
});

const IssuedTokenRef = builder.objectRef<{ id: string; token: string }>('IssuedToken').implement({
  description: 'A new token: its secret is answered this once and stored only as a hash.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The secret to send as Authorization: Bearer <token>.' }),
    apiToken: t.prismaField({
      description: 'The token as stored (without its secret).',
      type: 'ApiToken',
      resolve: (query, issued) => prisma.apiToken.findUniqueOrThrow({ ...query, where: { id: issued.id } }),
    }),
  }),
});

const TokenInputRef = builder.inputType('TokenInput', {
  description:
    'What a token grants: an admin everything; a planner an area subtree; a reporter one team in its home area.',
  fields: (t) => ({
    role: t.field({ type: RoleEnum, required: true, description: 'What the token may do.' }),
    name: t.string({ required: true, description: 'Who holds it, 1 to 200 characters.' }),
    areaCode: t.string({
      description: 'Planner: the root it plans. Reporter: default its team’s home area.',
    }),
    teamCode: t.string({ description: 'Reporter: the team it reports for.' }),
    expiresInDays: t.int({
      description: `Days from now until it stops working (days), a whole number from 1 to ${MAX_TOKEN_LIFETIME_DAYS}; default ${DEFAULT_TOKEN_LIFETIME_DAYS.ADMIN} for an admin, ${DEFAULT_TOKEN_LIFETIME_DAYS.PLANNER} for a planner, ${DEFAULT_TOKEN_LIFETIME_DAYS.REPORTER} for a reporter.`,
    }),
  }),
});

const RevokedTokensRef = builder.objectRef<{ revoked: number }>('RevokedTokens').implement({
  description: 'What a revocation did.',
  fields: (t) => ({
    revoked: t.exposeInt('revoked', {
      description: 'Live tokens revoked now; they are refused from the next request.',
    }),
  }),
});

builder.queryField('tokens', (t) =>
  t.prismaField({
    type: ['ApiToken'],
    nullable: true,
    description: 'The tokens that work now (or every one), newest first, without secrets. Admins only.',
    authScopes: { admin: true },
    args: {
      includeRevoked: t.arg.boolean({
        defaultValue: false,
        description: 'Every token: revoked and expired ones too.',
      }),
    },
    resolve: (query, _root, args) =>
      prisma.apiToken.findMany({
        ...query,
        where: args.includeRevoked ? {} : liveTokenWhere(),
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);

builder.mutationFields((t) => ({
  issueToken: t.field({
    type: IssuedTokenRef,
    description:
      'Issues a token; it works at once, until its `expiresAt`. Its secret is in this answer only. Admins only.',
    errors: { types: inputErrors },
    args: {
      input: t.arg({
        type: TokenInputRef,
        required: true,
        description: 'Whom the token is for and what it may do.',
      }),
    },
    resolve: (_root, { input }) => issueToken(prisma, input, { under: 'input' }),
  }),
  revokeToken: t.field({
    type: RevokedTokensRef,
    description:
      'Revokes a token by `id`, or every live token of a holder by `name` (one of the two). Refused from the next request on, on every instance. Admins only.',
    errors: { types: inputErrors },
    args: {
      id: t.arg.id({ description: 'The token’s id; or else `name`.' }),
      name: t.arg.string({ description: 'Every live token of this name; or else `id`.' }),
    },
    resolve: async (_root, args) => {
      if ((args.id == null) === (args.name == null)) {
        throw new PlanningInputError({
          path: args.id == null ? 'id' : 'name',
          code: 'conflict',
          expected: 'either id or name, not both and not neither',
          received: args.id ?? null,
        });
      }
      return {
        revoked: await revokeTokens(
          prisma,
          args.id != null ? { id: String(args.id) } : { name: args.name as string },
        ),
      };
    },
  }),
}));
