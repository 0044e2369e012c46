// The assumptions scenarios are compared on: opening hours, the service and the machines'
// availability, and the service some areas have of their own (`serviceOverrides`, a re-plan's pace
// per district), which the scenario's one pace does not show: without it a re-plan at 13–32 minutes
// a dossier by area reads as the 5.18 of the scenario it came from.

import type { ComparedRow } from '../../components/comparison-table.tsx';
import type { ScenarioAssumptionsFragment } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { formatNumber, formatPercent, type Locale } from '../../i18n/format.ts';
import { translate } from '../../i18n/i18n.tsx';

export const ScenarioAssumptions = graphql(`
  fragment ScenarioAssumptions on Scenario {
    hours {
      open
      close
    }
    service {
      minutesPerDossier
      availability
    }
    serviceOverrides {
      areaCode
      minutesPerDossier
    }
  }
`);

/**
 * The minutes per dossier the areas with a service of their own take, as a range and how many
 * areas ("13–32 (21 areas)"), or that every area takes the scenario's.
 */
function serviceByAreaText(
  locale: Locale,
  overrides: ScenarioAssumptionsFragment['serviceOverrides'],
): string {
  if (overrides.length === 0) return translate(locale, 'compare.serviceByArea.none');
  const minutes = overrides.map((override) => override.minutesPerDossier);
  const low = formatNumber(locale, Math.min(...minutes), 2);
  const high = formatNumber(locale, Math.max(...minutes), 2);
  return translate(locale, 'compare.serviceByArea.range', {
    range: low === high ? low : `${low}–${high}`,
    count: overrides.length,
  });
}

/**
 * Rows of the assumptions of `scenarios`, in the reader's language. The row of the service by area
 * is left out when no scenario gives any area a service of its own.
 *
 * @example
 * assumptionRows('en', [scenario, { ...scenario, serviceOverrides: [{ areaCode: '661', minutesPerDossier: 5.4 }] }])
 *   .find((row) => row.key === 'minutesPerDossierByArea')?.values
 * // => ['as the scenario', '5.4 (1 area)']
 */
export function assumptionRows(
  locale: Locale,
  scenarios: readonly ScenarioAssumptionsFragment[],
): ComparedRow[] {
  const byArea = scenarios.some((scenario) => scenario.serviceOverrides.length > 0);
  return [
    {
      key: 'hours',
      label: translate(locale, 'whatIf.hours'),
      values: scenarios.map((scenario) => `${scenario.hours.open}–${scenario.hours.close}`),
    },
    {
      key: 'minutesPerDossier',
      label: translate(locale, 'whatIf.minutesPerDossier'),
      values: scenarios.map((scenario) => formatNumber(locale, scenario.service.minutesPerDossier, 2)),
    },
    ...(byArea
      ? [
          {
            key: 'minutesPerDossierByArea',
            label: translate(locale, 'compare.serviceByArea'),
            values: scenarios.map((scenario) => serviceByAreaText(locale, scenario.serviceOverrides)),
          },
        ]
      : []),
    {
      key: 'availability',
      label: translate(locale, 'whatIf.availability'),
      values: scenarios.map((scenario) => formatPercent(locale, scenario.service.availability ?? 1)),
    },
  ];
}
