// What a dashboard does with the answers of dashboard.graphql, typed by the codegen over the
// committed SDL: if the API changes a field these read, `pnpm --filter @muster/web test` fails.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import {
  DashboardPlanDocument,
  type DashboardPlanQuery,
  type DashboardPlanVsActualQuery,
  type DashboardReportsQuery,
} from './gql/graphql.ts';

/** Posts a typed document to the API and returns its data, or throws with the errors' codes. */
export async function ask<Result, Variables>(
  url: string,
  token: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as {
    data?: Result;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length || !body.data) {
    throw new Error(body.errors?.map((error) => `${error.extensions?.code}: ${error.message}`).join('; '));
  }
  return body.data;
}

/** The districts that finish late, by name: the plan is a union, narrowed by `__typename`. */
export function lateDistricts(data: DashboardPlanQuery): string[] {
  if (data.plan.__typename !== 'CampaignPlan') return [];
  return data.plan.districts.filter((row) => row.status === 'LATE').map((row) => row.name);
}

/** What the dashboard says when the plan was refused: the argument and why. */
export function refusal(data: DashboardPlanQuery): string | null {
  switch (data.plan.__typename) {
    case 'CampaignPlan':
      return null;
    case 'NotFoundError':
      return `${data.plan.field}: no ${data.plan.key}`;
    case 'InputError':
      return `${data.plan.field} must be ${data.plan.expected} (got ${data.plan.received ?? 'nothing'})`;
    default:
      return data.plan.message;
  }
}

/** Reported share of the planned dossiers so far; null before anything was planned. */
export function shareDone(data: DashboardPlanVsActualQuery): number | null {
  if (data.planVsActual.__typename !== 'PlanVsActual') return null;
  const { totalPlanned, totalActual } = data.planVsActual;
  return totalPlanned > 0 ? totalActual / totalPlanned : null;
}

/** The cursor of the next page of reports, or null on the last. */
export function nextReportsPage(data: DashboardReportsQuery): string | null {
  // Null when refused (the query's errors say why): no next page to ask for.
  const page = data.actualReports?.pageInfo;
  return page?.hasNextPage ? (page.endCursor ?? null) : null;
}

/** A province's plan for the dashboard: Đắk Nông's demo scenario by default. */
export function provincePlan(url: string, token: string, areaCode = '67'): Promise<DashboardPlanQuery> {
  return ask(url, token, DashboardPlanDocument, { scenarioId: 'dak-nong-2021', areaCode });
}
