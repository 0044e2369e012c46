// The plan's address: `/scenarios/<id>` without `?area=` asks for the scenario's root, and
// `?area=` may name an area above the caller's own (a province's link sent to a district planner);
// a caller below it (a district planner, a reporter, on a province's scenario) may read neither.
// Such a link, shared or typed, opens the plan at the caller's own area instead, as the scenarios
// list links it, and the address says so (replaced, so Back does not return to the refused one);
// an area named above the caller's own is said above the plan (the history entry's state carries it).
import { useQuery } from 'urql';
import { Redirect, useParams, useSearch } from 'wouter';
import { Loading } from '../../components/problem.tsx';
import { graphql } from '../../gql/index.ts';
import { paths } from '../../routes.ts';
import { seesScenarioRoot } from '../../session/sees-scenario-root.ts';
import { useViewer } from '../../session/viewer.tsx';
import { openedInsteadOf } from './opened-at-own-area.ts';
import PlanView, { ScenarioHeadQuery } from './plan-view.tsx';

// The areas above the caller's own, nearest first: a commune's district, province and country.
const CallerAncestorsQuery = graphql(`
  query CallerAncestors($areaCode: String!) {
    area(code: $areaCode) {
      code
      parent {
        code
        name
        parent {
          code
          name
          parent {
            code
            name
          }
        }
      }
    }
  }
`);

type Ancestor = { code: string; name: string; parent?: Ancestor | null };

/** The area `asked` among the ancestors from `first` up, or null when it is not one of them. */
function ancestorNamed(first: Ancestor | null | undefined, asked: string): Ancestor | null {
  for (let at = first; at; at = at.parent) if (at.code === asked) return at;
  return null;
}

export default function PlanRoute() {
  const { id = '' } = useParams<{ id: string }>();
  const asked = new URLSearchParams(useSearch()).get('area');
  const { area: callerArea, placing, fetching } = useViewer();
  // The plan view asks the same head: answered once, from the cache.
  const [head] = useQuery({
    query: ScenarioHeadQuery,
    variables: { scenarioId: id },
    pause: asked !== null,
  });
  // Another area than the caller's own: whether it lies above it.
  const elsewhere = asked !== null && callerArea !== null && asked !== callerArea.code;
  const [ancestors] = useQuery({
    query: CallerAncestorsQuery,
    variables: { areaCode: callerArea?.code ?? '' },
    pause: !elsewhere,
  });
  // Until the caller and the scenario are placed: a refusal shown and then replaced would be read.
  if (fetching || placing) return <Loading />;
  if (asked === null) {
    if (head.fetching) return <Loading />;
    const scenario = head.data?.scenario;
    if (callerArea && scenario && seesScenarioRoot(callerArea, scenario.area) === false) {
      return <Redirect to={paths.plan(id, callerArea.code)} replace />;
    }
  } else if (elsewhere && callerArea) {
    if (ancestors.fetching) return <Loading />;
    const above = ancestorNamed(ancestors.data?.area?.parent, asked);
    if (above) {
      return <Redirect to={paths.plan(id, callerArea.code)} replace state={openedInsteadOf(above.name)} />;
    }
  }
  return <PlanView />;
}
