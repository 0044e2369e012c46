// What the form needs to know about its reporter: the team, the area it reports in and the areas
// under it, and the campaign's zone (for "today"). Asked of the API when there is signal and kept
// on the device, so the form opens with none.
import { useEffect, useMemo } from 'react';
import { type CombinedError, useQuery } from 'urql';
import { graphql } from '../../gql/index.ts';
import { CAMPAIGN_TIME_ZONE } from '../../i18n/campaign-day.ts';
import { deviceStore } from '../../session/device-store.ts';
import type { Viewer } from '../../session/viewer.tsx';

const ReporterContextQuery = graphql(`
  query ReporterContext($areaCode: String!) {
    teams {
      code
      name
      kind
      machines
      homeAreaCode
    }
    area(code: $areaCode) {
      code
      name
      children {
        code
        name
      }
    }
    scenarios {
      scenarioId
      calendar {
        timeZone
      }
    }
  }
`);

export type ReporterContext = {
  team: { code: string; name: string; kind: string; machines: number };
  /** The area the reporter reports in, then the areas under it. */
  areas: { code: string; name: string }[];
  timeZone: string;
};

const storeKey = (teamCode: string) => `reporter.${teamCode}`;

export function useReporterContext(viewer: Viewer): {
  context: ReporterContext | null;
  fetching: boolean;
  error: CombinedError | undefined;
  retry(): void;
} {
  const teamCode = viewer.teamCode ?? '';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ReporterContextQuery,
    variables: { areaCode: viewer.areaCode ?? '' },
    pause: viewer.areaCode === null,
  });
  const answered = useMemo((): ReporterContext | null => {
    const team = data?.teams?.find((each) => each.code === teamCode);
    if (!team || !data?.area) return null;
    return {
      team: { code: team.code, name: team.name, kind: team.kind, machines: team.machines },
      areas: [
        { code: data.area.code, name: data.area.name },
        ...data.area.children.map(({ code, name }) => ({ code, name })),
      ],
      timeZone: data.scenarios?.[0]?.calendar.timeZone ?? CAMPAIGN_TIME_ZONE,
    };
  }, [data, teamCode]);
  useEffect(() => {
    if (answered) deviceStore.set(storeKey(teamCode), answered);
  }, [answered, teamCode]);
  return {
    context: answered ?? deviceStore.get<ReporterContext>(storeKey(teamCode)),
    fetching,
    error,
    retry: () => refetch({ requestPolicy: 'network-only' }),
  };
}
