// What every connection answers besides its page: `totalCount`, the nodes in all pages. Its
// connection type is named for what it holds (`AreaConnection`), and never wrapped in a union, so
// Relay's and Apollo's connection helpers see it as it is. And its paging arguments refused by
// Pothos, named as the connections' own refusals name them.
import { PlanningInputError } from '@muster/planning';
import type { GenericFieldRef, MaybePromise } from '@pothos/core';
import { type ASTNode, Kind, valueFromASTUntyped } from 'graphql';
import { MAX_PAGE_SIZE } from '../builder.ts';

/** The connection and edge options of a connection of `type` (a GraphQL type name) with its total. */
export function countedConnection(type: string, plural: string) {
  return [
    {
      name: `${type}Connection`,
      description: `A page of ${plural}, with how many there are in all.`,
      fields: (t: {
        int: (options: {
          nullable: false;
          description: string;
          extensions: Record<string, unknown>;
          resolve: (parent: object) => MaybePromise<number>;
        }) => GenericFieldRef<unknown>;
      }) => ({
        totalCount: t.int({
          nullable: false,
          description: `How many ${plural} the arguments other than the paging ones select, in all pages.`,
          // Lets the Prisma plugin answer a selection of only `totalCount` without reading the page.
          extensions: { pothosPrismaTotalCount: true },
          // The Prisma plugin puts the connection's `totalCount` option on the page as a function.
          resolve: async (parent) =>
            (await (parent as { totalCount?: () => MaybePromise<number> }).totalCount?.()) ?? 0,
        }),
      }),
    },
    { name: `${type}Edge`, description: `One of the ${plural} on a page, with its cursor.` },
  ] as const;
}

/** A paging argument refused, as `extensions` name it: the argument and why. */
export type PagingRefusal = { field: string; reason: 'range' | 'conflict'; message: string };

/** Pothos' refusal of a negative page, before the connection's own checks (`first` over 500) run. */
const NEGATIVE_PAGE = /^Argument "(first|last)" must be a non-negative integer$/;
/** Pothos' refusal of a cursor with a page read the other way, or of both cursors. */
const CROSSED_PAGE =
  /^Arguments "(before|after)" and "(first|last|after)" are not supported at the same time$/;

/**
 * Pothos' refusal of a paging argument of `field` (the field's node, whose literal arguments give
 * the value refused), as the connections' own are worded: the argument in `field`, why in
 * `reason`, the message "first must be …, got -1"; null for any other message. A value sent in a
 * variable is not quoted (the refusal does not see the variables).
 *
 * @example
 * // areasNode: the node of `areas(first: -1) { totalCount }`
 * pagingRefusal('Argument "first" must be a non-negative integer', areasNode)
 * // => { field: 'first', reason: 'range', message: 'first must be a number of nodes from 0 to 500, got -1' }
 */
export function pagingRefusal(message: string, field: ASTNode | undefined): PagingRefusal | null {
  const negative = NEGATIVE_PAGE.exec(message);
  const crossed = CROSSED_PAGE.exec(message);
  let refused: Pick<PagingRefusal, 'field' | 'reason'> & { expected: string };
  if (negative?.[1]) {
    refused = {
      field: negative[1],
      reason: 'range',
      expected: `a number of nodes from 0 to ${MAX_PAGE_SIZE}`,
    };
  } else if (crossed?.[1] && crossed[2]) {
    refused = {
      field: crossed[1],
      reason: 'conflict',
      expected: `absent when ${crossed[2]} is given (page forward with first and after, backward with last and before)`,
    };
  } else {
    return null;
  }
  const argument =
    field?.kind === Kind.FIELD ? field.arguments?.find((a) => a.name.value === refused.field) : undefined;
  const written = argument && argument.value.kind !== Kind.VARIABLE ? argument.value : undefined;
  return {
    field: refused.field,
    reason: refused.reason,
    message: written
      ? new PlanningInputError({
          path: refused.field,
          code: refused.reason,
          expected: refused.expected,
          received: valueFromASTUntyped(written),
        }).message
      : `${refused.field} must be ${refused.expected}`,
  };
}
