// The caller the API names for the token, and what its role may do: the app offers only that.
import { createContext, type ReactNode, useContext } from 'react';
import { useQuery } from 'urql';
import type { Role } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { useSession } from './session.tsx';

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

export type Viewer = { name: string; role: Role; areaCode: string | null; teamCode: string | null };

export type Abilities = {
  /** Population figures, plans, plan vs actual: any token. */
  readsPlans: boolean;
  /** `whatIf`: planners and admins. */
  runsWhatIf: boolean;
  /** `createScenario`: planners (in their subtree) and admins. */
  savesScenarios: boolean;
};

export function abilitiesOf(viewer: Viewer | null): Abilities {
  const plans = viewer?.role === 'PLANNER' || viewer?.role === 'ADMIN';
  return { readsPlans: viewer !== null, runsWhatIf: plans, savesScenarios: plans };
}

type ViewerState = {
  viewer: Viewer | null;
  abilities: Abilities;
  fetching: boolean;
  error: import('urql').CombinedError | undefined;
};

const ViewerContext = createContext<ViewerState | null>(null);

export function ViewerProvider({ children }: { children: ReactNode }) {
  const { token } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: ViewerQuery, pause: token === null });
  const viewer = token === null ? null : (data?.viewer ?? null);
  return (
    <ViewerContext.Provider value={{ viewer, abilities: abilitiesOf(viewer), fetching, error }}>
      {children}
    </ViewerContext.Provider>
  );
}

export function useViewer(): ViewerState {
  const state = useContext(ViewerContext);
  if (!state) throw new Error('useViewer outside ViewerProvider');
  return state;
}
