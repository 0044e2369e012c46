// What every connection answers besides its page: `totalCount`, the nodes in all pages. Its
// connection type is named for what it holds (`AreaConnection`), and never wrapped in a union, so
// Relay's and Apollo's connection helpers see it as it is.
import type { GenericFieldRef, MaybePromise } from '@pothos/core';

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
