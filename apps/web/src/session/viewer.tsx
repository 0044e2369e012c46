// The caller the API names for the token, and what its role may do: the app offers only that.
// The last answer is remembered on the device, so a reporter who opens the app with no signal is
// still known (and sees the report form); a refused token is never replaced by the memory.
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { useQuery } from 'urql';
import type { Role } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { problemOf } from '../graphql/problem.ts';
import { deviceStore } from './device-store.ts';
import { REMEMBERED_VIEWER, useSession } from './session.tsx';

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      name
      role
      areaCode
      teamCode
    }
  }
`);

// Where the caller's area sits in the tree (names, codes and depths are public): a scenario rooted
// above it is read from the caller's own area down.
const ViewerAreaQuery = graphql(`
  query ViewerArea($areaCode: String!) {
    area(code: $areaCode) {
      code
      name
      depth
    }
  }
`);

export type Viewer = { name: string; role: Role; areaCode: string | null; teamCode: string | null };

export type Abilities = {
  /** Population figures, plans, plan vs actual: any token. */
  readsPlans: boolean;
  /** `whatIf`: planners and admins. */
  runsWhatIf: boolean;
  /** `createScenario`: planners (in their subtree) and admins. */
  savesScenarios: boolean;
  /** `recordActuals` for a team from the phone form: reporters (admins record through the API). */
  reportsDays: boolean;
  /** Which areas and teams have reported: planners and admins. */
  followsReports: boolean;
};

export function abilitiesOf(viewer: Viewer | null): Abilities {
  const plans = viewer?.role === 'PLANNER' || viewer?.role === 'ADMIN';
  return {
    readsPlans: viewer !== null,
    runsWhatIf: plans,
    savesScenarios: plans,
    reportsDays: viewer?.role === 'REPORTER',
    followsReports: plans,
  };
}

type ViewerState = {
  viewer: Viewer | null;
  abilities: Abilities;
  /**
   * The caller's own area, its name and depth (undefined until known); null for an admin or nobody.
   */
  area: { code: string; name: string | undefined; depth: number | undefined } | null;
  /** The caller's area is being placed in the tree (its depth asked for). */
  placing: boolean;
  fetching: boolean;
  error: import('urql').CombinedError | undefined;
};

const ViewerContext = createContext<ViewerState | null>(null);

export function ViewerProvider({ children }: { children: ReactNode }) {
  const { token } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: ViewerQuery, pause: token === null });
  const answered = data?.viewer ?? null;
  useEffect(() => {
    if (answered) deviceStore.set(REMEMBERED_VIEWER, answered);
  }, [answered]);
  const unreachable = error !== undefined && problemOf(error) === 'offline';
  const viewer =
    token === null ? null : (answered ?? (unreachable ? deviceStore.get<Viewer>(REMEMBERED_VIEWER) : null));
  const areaCode = viewer?.areaCode ?? null;
  const [placed] = useQuery({
    query: ViewerAreaQuery,
    variables: { areaCode: areaCode ?? '' },
    pause: areaCode === null,
  });
  const area =
    areaCode === null
      ? null
      : { code: areaCode, name: placed.data?.area?.name, depth: placed.data?.area?.depth };
  return (
    <ViewerContext.Provider
      value={{
        viewer,
        abilities: abilitiesOf(viewer),
        area,
        placing: areaCode !== null && placed.fetching,
        fetching,
        error,
      }}
    >
      {children}
    </ViewerContext.Provider>
  );
}

export function useViewer(): ViewerState {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer outside ViewerProvider');
  return state;
}
