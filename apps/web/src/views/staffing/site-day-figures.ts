// What the recommended schedule and the planner's own share, as the API's SiteDay and SiteHour
// interfaces give them: one fragment each, read by the view's table, figures and charts.
import { graphql } from '../../gql/index.ts';

export const SiteDayFigures = graphql(`
  fragment SiteDayFigures on SiteDay {
    open
    close
    arrivals
    meanWaitMinutes
    peakMachines
    machineHours
    meetsTarget
    worstMeanWaitMinutes
    worstP90WaitMinutes
    stillQueuingAtClose
  }
`);

export const SiteHourFigures = graphql(`
  fragment SiteHourFigures on SiteHour {
    start
    end
    arrivalsPerHour
    machinesOpen
    meanWaitMinutes
    p90WaitMinutes
    backlogAtEnd
    meetsTarget
  }
`);
