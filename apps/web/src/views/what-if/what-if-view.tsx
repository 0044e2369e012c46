// What-if: the scenario's assumptions as a form (machines per area, hours, minutes per dossier,
// availability, turnout); the plan they give beside the saved one, differences highlighted; and
// the what-if saved as a new scenario. Nothing is stored until the planner saves.
import { type FormEvent, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { ComparisonTable } from '../../components/comparison-table.tsx';
import { FieldProblemText, problemAttributes } from '../../components/field-problem.tsx';
import { Problem, Refusal, Requested } from '../../components/problem.tsx';
import { ReadFromRoot } from '../../components/read-from-root.tsx';
import type { CampaignInput, PlanSummaryFragment, WhatIfScenarioQuery } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import type { FieldProblem } from '../../i18n/field-checks.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../routes.ts';
import { seesScenarioRoot } from '../../session/sees-scenario-root.ts';
import { useViewer } from '../../session/viewer.tsx';
import { summaryRows } from '../compare/plan-summary.ts';
import {
  allocatableAreas,
  campaignInputOf,
  editsOf,
  scenarioInputOf,
  type WhatIfEdits,
} from './campaign-input.ts';
import { readWhatIfForm, type WhatIfBox, type WhatIfTexts, whatIfTextsOf } from './read-what-if-form.ts';

// What an area brings to a what-if's input, as the API plans a stored scenario: its place in the
// tree, its figures where they are stored (leaves), its turnout wherever it is set (it inherits
// down), and what sets a commune's terrain.
export const WhatIfArea = graphql(`
  fragment WhatIfArea on Area {
    code
    name
    level
    parentCode
    population
    eligible
    eligibleShare
    turnout
    alreadyServed
    latitude
    longitude
    areaKm2
    urbanShare
    communeType
  }
`);

const WhatIfScenarioDocument = graphql(`
  query WhatIfScenario($scenarioId: ID!) {
    scenario(id: $scenarioId) {
      scenarioId
      name
      areaCode
      teamsPerSite
      waitTargetMinutes
      calendar {
        start
        deadline
        timeZone
        closedDates
        closedWeekdays
      }
      hours {
        open
        close
      }
      service {
        minutesPerDossier
        availability
        serviceCv
        hardCaseShare
        hardCaseExtraMinutes
      }
      machines {
        areaCode
        machines
      }
      alreadyServed {
        areaCode
        alreadyServed
      }
      # The whole tree its plans are computed on, at any depth (villages below the communes too).
      areas {
        ...WhatIfArea
      }
    }
  }
`);

const SavedPlanQuery = graphql(`
  query SavedPlan($scenarioId: ID!, $areaCode: String!) {
    plan(scenarioId: $scenarioId, areaCode: $areaCode) {
      __typename
      ...PlanSummary
      ... on CampaignPlan {
        areas {
          code
          completionDate
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const WhatIfQuery = graphql(`
  query WhatIf($input: CampaignInput!) {
    whatIf(input: $input) {
      __typename
      ...PlanSummary
      ... on CampaignPlan {
        areas {
          code
          completionDate
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const SaveScenarioMutation = graphql(`
  mutation SaveWhatIf($input: ScenarioInput!) {
    createScenario(input: $input) {
      __typename
      ... on Scenario {
        scenarioId
        name
      }
      ... on LimitExceededError {
        limit
      }
      ... on Error {
        message
      }
    }
  }
`);

type Scenario = NonNullable<WhatIfScenarioQuery['scenario']>;
type PlanWithAreas = PlanSummaryFragment & { areas: { code: string; completionDate?: string | null }[] };

/** A figure's box: text, so that it shows the reader's decimal sign (3,5 in Vietnamese). */
function FigureBox({
  label,
  name,
  value,
  problem,
  onChange,
}: {
  label: string;
  name: WhatIfBox;
  value: string;
  problem: FieldProblem | undefined;
  onChange(value: string): void;
}) {
  const problemId = `what-if-${name}-problem`;
  return (
    <label>
      {label}
      <input
        id={`what-if-${name}`}
        name={name}
        inputMode="decimal"
        autoComplete="off"
        size={6}
        value={value}
        {...problemAttributes(problemId, problem)}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldProblemText id={problemId} problem={problem} />
    </label>
  );
}

function EditForm({
  scenario,
  edits,
  onSubmit,
}: {
  scenario: Scenario;
  edits: WhatIfEdits;
  onSubmit(edits: WhatIfEdits): void;
}) {
  const { t, locale } = useI18n();
  // The figures as first shown, with the stored numbers behind them (kept for boxes left as shown).
  const [stored] = useState(() => ({ edits, shown: whatIfTextsOf(edits, locale) }));
  const [draft, setDraft] = useState(stored.shown);
  const [problems, setProblems] = useState<Partial<Record<WhatIfBox, FieldProblem>>>({});
  const set = (patch: Partial<WhatIfTexts>) => setDraft((d) => ({ ...d, ...patch }));
  const setMachines = (code: string, machines: string) =>
    setDraft((d) => ({ ...d, machines: { ...d.machines, [code]: machines } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readWhatIfForm(draft, stored);
    if (!read.ok) {
      // The service is not asked: the last result stays on screen while a box is wrong.
      setProblems(read.problems);
      const first = Object.keys(read.problems)[0];
      if (first) document.getElementById(`what-if-${first}`)?.focus();
      return;
    }
    setProblems({});
    onSubmit(read.edits);
  };
  const allocatable = allocatableAreas(scenario);
  return (
    <form className="card what-if-form" onSubmit={submit} noValidate>
      <h2>{t('whatIf.assumptions')}</h2>
      <div className="controls">
        <label>
          {t('whatIf.open')}
          <input
            id="what-if-open"
            name="open"
            value={draft.open}
            size={6}
            autoComplete="off"
            {...problemAttributes('what-if-open-problem', problems.open)}
            onChange={(e) => set({ open: e.target.value })}
          />
          <FieldProblemText id="what-if-open-problem" problem={problems.open} />
        </label>
        <label>
          {t('whatIf.close')}
          <input
            id="what-if-close"
            name="close"
            value={draft.close}
            size={6}
            autoComplete="off"
            {...problemAttributes('what-if-close-problem', problems.close)}
            onChange={(e) => set({ close: e.target.value })}
          />
          <FieldProblemText id="what-if-close-problem" problem={problems.close} />
        </label>
        <FigureBox
          name="minutesPerDossier"
          label={t('whatIf.minutesPerDossier')}
          value={draft.minutesPerDossier}
          problem={problems.minutesPerDossier}
          onChange={(v) => set({ minutesPerDossier: v })}
        />
        <FigureBox
          name="availabilityPercent"
          label={t('whatIf.availabilityPercent')}
          value={draft.availabilityPercent}
          problem={problems.availabilityPercent}
          onChange={(v) => set({ availabilityPercent: v })}
        />
        <FigureBox
          name="turnoutPercent"
          label={t('whatIf.turnoutPercent')}
          value={draft.turnoutPercent}
          problem={problems.turnoutPercent}
          onChange={(v) => set({ turnoutPercent: v })}
        />
      </div>
      {Object.keys(problems).length > 0 ? (
        <p className="field-problem" role="alert">
          {t('check.notAsked')}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="machines">
          <caption>{t('whatIf.machinesPerArea')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.area')}</th>
              <th scope="col">{t('col.machines')}</th>
            </tr>
          </thead>
          <tbody>
            {allocatable.map((area) => {
              const box: WhatIfBox = `machines-${area.code}`;
              return (
                <tr key={area.code}>
                  <th scope="row">{area.name}</th>
                  <td>
                    <input
                      type="number"
                      min={0}
                      step={1}
                      id={`what-if-${box}`}
                      name={box}
                      aria-label={t('whatIf.machinesOf', { name: area.name })}
                      value={draft.machines[area.code] ?? ''}
                      {...problemAttributes(`what-if-${box}-problem`, problems[box])}
                      onChange={(e) => setMachines(area.code, e.target.value)}
                    />
                    <FieldProblemText id={`what-if-${box}-problem`} problem={problems[box]} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('whatIf.machinesHelp')}</p>
      <button type="submit" className="primary">
        {t('whatIf.compute')}
      </button>
    </form>
  );
}

type SavedScenario = { id: string; name: string };

function SaveAsScenario({
  scenario,
  input,
  turnoutEdited,
  saved,
  onSaved,
}: {
  scenario: Scenario;
  input: CampaignInput;
  turnoutEdited: boolean;
  saved: SavedScenario | null;
  onSaved(saved: SavedScenario): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(`${scenario.name} (${t('whatIf.copy')})`);
  const [result, save] = useMutation(SaveScenarioMutation);
  const answer = result.data?.createScenario;
  const saveNow = () => {
    void save({ input: scenarioInputOf(scenario, input, name) }).then((done) => {
      const created = done.data?.createScenario;
      if (created?.__typename === 'Scenario') onSaved({ id: created.scenarioId, name: created.name });
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saveNow();
  };
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('whatIf.save')}</h2>
      {turnoutEdited ? <p className="muted">{t('whatIf.turnoutNotSaved')}</p> : null}
      <div className="controls">
        <label>
          {t('whatIf.name')}
          <input
            name="scenarioName"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={200}
          />
        </label>
        <button type="submit" disabled={result.fetching}>
          {t('whatIf.saveButton')}
        </button>
      </div>
      {result.error ? <Problem error={result.error} /> : null}
      {saved ? (
        <p role="status">
          {t('whatIf.saved')} <Link href={paths.plan(saved.id)}>{saved.name}</Link> ·{' '}
          <Link href={paths.compare([scenario.scenarioId, saved.id])}>{t('whatIf.compareSaved')}</Link>
        </p>
      ) : null}
      {/* Stopped by the service's time for one request (a busy server): saved when asked again. */}
      {answer && answer.__typename !== 'Scenario' ? <Refusal error={answer} onRetry={saveNow} /> : null}
    </form>
  );
}

function Result({
  scenario,
  input,
  saved,
}: {
  scenario: Scenario;
  input: CampaignInput;
  saved: PlanWithAreas | null;
}) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const [{ data, fetching, error }] = useQuery({ query: WhatIfQuery, variables: { input } });
  const whatIf = data?.whatIf;
  return (
    <Requested fetching={fetching} error={error} hasData={data !== undefined}>
      {() => {
        if (!whatIf) return null;
        if (whatIf.__typename !== 'CampaignPlan') return <Refusal error={whatIf} />;
        const savedCompletion = new Map((saved?.areas ?? []).map((a) => [a.code, a.completionDate]));
        const children = input.areas.filter((a) => a.parentCode === scenario.areaCode);
        const completionOf = new Map(whatIf.areas.map((a) => [a.code, a.completionDate]));
        return (
          <section aria-live="polite" className="what-if-result">
            <ComparisonTable
              caption={t('whatIf.resultCaption')}
              columns={[t('whatIf.savedColumn'), t('whatIf.whatIfColumn')]}
              rows={summaryRows(i18n, [saved, whatIf])}
            />
            <ComparisonTable
              caption={t('whatIf.perAreaCaption')}
              columns={[t('whatIf.savedColumn'), t('whatIf.whatIfColumn')]}
              rows={children.map((area) => {
                const [before, after] = [savedCompletion.get(area.code), completionOf.get(area.code)];
                return {
                  key: area.code,
                  label: area.name,
                  values: [before ? date(before) : '—', after ? date(after) : '—'],
                };
              })}
            />
          </section>
        );
      }}
    </Requested>
  );
}

function WhatIf({
  scenario,
  edits,
  setEdits,
  savedAs,
  onSaved,
}: {
  scenario: Scenario;
  edits: WhatIfEdits | null;
  setEdits(edits: WhatIfEdits): void;
  savedAs: SavedScenario | null;
  onSaved(saved: SavedScenario): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { abilities } = useViewer();
  const initial = useMemo(() => editsOf(scenario), [scenario]);
  const input = useMemo(() => (edits ? campaignInputOf(scenario, edits) : null), [scenario, edits]);
  const [savedResult] = useQuery({
    query: SavedPlanQuery,
    variables: { scenarioId: scenario.scenarioId, areaCode: scenario.areaCode },
  });
  const savedPlan = savedResult.data?.plan;
  const saved = savedPlan?.__typename === 'CampaignPlan' ? savedPlan : null;
  return (
    <>
      <h1>
        {t('nav.whatIf')} <span className="muted">· {scenario.name}</span>
      </h1>
      <div className="grid-2">
        <EditForm scenario={scenario} edits={edits ?? initial} onSubmit={setEdits} />
        <div>
          {input ? (
            <Result scenario={scenario} input={input} saved={saved} />
          ) : saved ? (
            <ComparisonTable
              caption={t('whatIf.savedCaption')}
              columns={[t('whatIf.savedColumn')]}
              rows={summaryRows(i18n, [saved])}
            />
          ) : null}
          {input && abilities.savesScenarios ? (
            <SaveAsScenario
              scenario={scenario}
              input={input}
              turnoutEdited={edits?.turnout != null}
              saved={savedAs}
              onSaved={onSaved}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}

export default function WhatIfView() {
  const { id = '' } = useParams<{ id: string }>();
  // Kept here, above the requests: a refetch that briefly empties them must not drop the edits.
  const [edits, setEdits] = useState<WhatIfEdits | null>(null);
  const [savedAs, setSavedAs] = useState<SavedScenario | null>(null);
  const { t } = useI18n();
  const { area: callerArea, placing } = useViewer();
  const [head] = useQuery({ query: ScenarioRootQuery, variables: { scenarioId: id } });
  const scenario = head.data?.scenario;
  // A what-if is planned from the scenario's root: a caller below it is told so, never asked for it
  // (nor while its place is being read: a refusal shown and then replaced would be read).
  const sees = scenario ? seesScenarioRoot(callerArea, scenario.area) : undefined;
  const below = sees === false;
  const root = scenario?.areaCode;
  const [{ data, fetching, error }] = useQuery({
    query: WhatIfScenarioDocument,
    variables: { scenarioId: id },
    pause: root === undefined || below || (sees === undefined && placing),
  });
  if (head.error) return <Problem error={head.error} />;
  if (head.data && !scenario) return <p role="alert">{t('scenario.notFound', { id })}</p>;
  if (scenario && below) return <ReadFromRoot scenarioId={id} rootName={scenario.area.name} />;
  return (
    <Requested fetching={fetching || head.fetching} error={error} hasData={data !== undefined}>
      {() =>
        data?.scenario ? (
          <WhatIf
            scenario={data.scenario}
            edits={edits}
            setEdits={setEdits}
            savedAs={savedAs}
            onSaved={setSavedAs}
          />
        ) : null
      }
    </Requested>
  );
}

const ScenarioRootQuery = graphql(`
  query WhatIfRoot($scenarioId: ID!) {
    scenario(id: $scenarioId) {
      scenarioId
      areaCode
      area {
        code
        name
        depth
      }
    }
  }
`);
