// The plan's address: `/scenarios/<id>` without `?area=` asks for the scenario's root, which a
// caller below it (a district planner, a reporter, on a province's scenario) may not read. Such a
// link, shared or typed, opens the plan at the caller's own area instead, as the scenarios list
// links it, and the address says so (replaced, so Back does not return to the refused one).
import { useQuery } from 'urql';
import { Redirect, useParams, useSearch } from 'wouter';
import { Loading } from '../../components/problem.tsx';
import { paths } from '../../routes.ts';
import { seesScenarioRoot } from '../../session/sees-scenario-root.ts';
import { useViewer } from '../../session/viewer.tsx';
import PlanView, { ScenarioHeadQuery } from './plan-view.tsx';

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
  if (asked === null) {
    // Until the caller and the scenario are placed: a refusal shown and then replaced would be read.
    if (fetching || placing || head.fetching) return <Loading />;
    const scenario = head.data?.scenario;
    if (callerArea && scenario && seesScenarioRoot(callerArea, scenario.area) === false) {
      return <Redirect to={paths.plan(id, callerArea.code)} replace />;
    }
  }
  return <PlanView />;
}
