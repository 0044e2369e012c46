// A spreadsheet sent to the API (importReports, importAreas, importMachines as a multipart upload):
// a file picker, the template to start from, then the summary of what was stored with what the
// service left aside from the file (and where teams will visit an area file's leaves without
// coordinates, and a reports file's rows whose figures are unlikely), or every bad row and cell the
// service named (nothing stored then).
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql/index.ts';
import { PROBLEM_MESSAGE, problemOf } from '../graphql/problem.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type FileNote, fileNoteWords } from './file-note-words.ts';
import { type LeafPlacement, leafPlacementWords } from './sheet-note-words.ts';
import { type SheetIssue, sheetIssueWords, sheetRefusalSummary } from './sheet-refusal-words.ts';
import { type SheetWarning, sheetWarningWords } from './sheet-warning-words.ts';

const ImportReportsDocument = graphql(`
  mutation ImportReports($file: File!) {
    importReports(file: $file) {
      __typename
      ... on ImportReportsPayload {
        rows
        created
        corrected
        unchanged
        warningCount
        rowWarnings {
          sheet
          row
          column
          header
          code
        }
        fileNotes {
          ...FileNoteParts
        }
      }
      ...SheetRefusal
      ... on Error {
        message
      }
    }
  }
`);

const ImportAreasDocument = graphql(`
  mutation ImportAreas($file: File!) {
    importAreas(file: $file) {
      __typename
      ... on ImportAreasPayload {
        total
        inserted
        updated
        fileNotes {
          ...FileNoteParts
        }
        placements {
          sheet
          row
          areaCode
          areaName
          placedAtCode
          placedAtName
        }
      }
      ...SheetRefusal
      ... on Error {
        message
      }
    }
  }
`);

const ImportMachinesDocument = graphql(`
  mutation ImportMachines($scenarioId: ID!, $file: File!) {
    importMachines(scenarioId: $scenarioId, file: $file) {
      __typename
      ... on ImportMachinesPayload {
        rows
        machines
        fileNotes {
          ...FileNoteParts
        }
      }
      ...SheetRefusal
      ... on Error {
        message
      }
    }
  }
`);

graphql(`
  fragment SheetRefusal on SpreadsheetError {
    code
    issueCount
    issues {
      sheet
      row
      column
      header
      cell
      code
      expected
      received
      firstRow
      areaFigures {
        rule
        areaCode
        areaName
        count
        value
        bound
        areasUnder
      }
    }
  }
`);

graphql(`
  fragment FileNoteParts on FileNote {
    kind
    sheet
    columnsNotRead {
      header
      letter
    }
    requiredColumns {
      key
      headerVi
      headerEn
    }
    rowsSearched
    column {
      key
      headerVi
      headerEn
    }
    cellCount
    message
  }
`);

export type SheetKind = 'reports' | 'areas' | 'machines';

type Answer = {
  __typename: string;
  message?: string;
  code?: string;
  issueCount?: number;
  issues?: SheetIssue[];
  /** What the service left aside from a stored file (columns or sheets not read, codes typed as numbers). */
  fileNotes?: FileNote[];
  /** An area file's leaves stored without a centroid, with where mobile teams will visit them. */
  placements?: LeafPlacement[];
  /** A reports file's rows stored with unlikely figures (the first 100), and how many warnings in all. */
  rowWarnings?: SheetWarning[];
  warningCount?: number;
  [figure: string]: unknown;
};

export function SpreadsheetImport({
  kind,
  scenarioId,
  onStored,
}: {
  kind: SheetKind;
  scenarioId?: string;
  /** Called once a file is stored, so the view around it reads its figures again. */
  onStored?: () => void;
}) {
  const { t, locale, n } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [reports, importReports] = useMutation(ImportReportsDocument);
  const [areas, importAreas] = useMutation(ImportAreasDocument);
  const [machines, importMachines] = useMutation(ImportMachinesDocument);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fetching = reports.fetching || areas.fetching || machines.fetching;

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setAnswer(null);
    setProblem(null);
    const result =
      kind === 'reports'
        ? await importReports({ file })
        : kind === 'areas'
          ? await importAreas({ file })
          : await importMachines({ file, scenarioId: scenarioId ?? '' });
    if (result.error) {
      setProblem(t(PROBLEM_MESSAGE[problemOf(result.error)]));
      return;
    }
    const data = result.data as Record<string, Answer> | undefined;
    const answered = data ? (Object.values(data)[0] ?? null) : null;
    setAnswer(answered);
    if (answered?.__typename.endsWith('Payload')) onStored?.();
  }

  const notes = answer?.fileNotes ?? [];
  const warnings = answer?.rowWarnings ?? [];
  const unlisted = (answer?.warningCount ?? 0) - warnings.length;

  const summary = (a: Answer): string => {
    if (a.__typename === 'ImportReportsPayload') return t('import.done.reports', a as Record<string, number>);
    if (a.__typename === 'ImportAreasPayload') return t('import.done.areas', a as Record<string, number>);
    return t('import.done.machines', a as Record<string, number>);
  };

  return (
    <section className="card sheet-import no-print" aria-labelledby={`import-${kind}`}>
      <h2 id={`import-${kind}`}>{t(`import.title.${kind}`)}</h2>
      <p className="muted">
        {t('import.help')}{' '}
        <a href={`/templates/${kind}.xlsx?lang=${locale}`} download>
          {t('import.template')} XLSX
        </a>{' '}
        ·{' '}
        <a href={`/templates/${kind}.csv?lang=${locale}`} download>
          CSV
        </a>
      </p>
      <form onSubmit={(event) => void send(event)}>
        <label>
          {t('import.file')}
          <input
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" disabled={!file || fetching}>
          {fetching ? t('state.loading') : t('import.send')}
        </button>
      </form>
      {problem ? (
        <p role="alert" className="problem">
          {problem}
        </p>
      ) : null}
      {answer?.__typename.endsWith('Payload') ? <p role="status">{summary(answer)}</p> : null}
      {warnings.length > 0 ? (
        <>
          <h3 id={`import-${kind}-warnings`}>{t('import.warnings.title')}</h3>
          <ul className="sheet-notes" aria-labelledby={`import-${kind}-warnings`}>
            {warnings.map((warning) => (
              <li
                key={`${warning.sheet}:${warning.row}:${warning.column}:${warning.code}`}
                data-row={warning.row}
                data-code={warning.code}
              >
                {sheetWarningWords(warning, locale)}
              </li>
            ))}
          </ul>
          {unlisted > 0 ? <p>{t('import.warnings.more', { count: n(unlisted) })}</p> : null}
        </>
      ) : null}
      {notes.length > 0 ? (
        <>
          <h3 id={`import-${kind}-notes`}>{t('import.notes.title')}</h3>
          <ul className="sheet-notes" aria-labelledby={`import-${kind}-notes`}>
            {notes.map((note) => (
              <li key={note.message} data-kind={note.kind}>
                {fileNoteWords(note, locale)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {answer?.placements?.length ? (
        <>
          <h3 id={`import-${kind}-placed`}>{t('import.placed.title')}</h3>
          <ul className="sheet-notes" aria-labelledby={`import-${kind}-placed`}>
            {answer.placements.map((placement) => (
              <li key={`${placement.sheet}:${placement.row}`} data-row={placement.row}>
                {leafPlacementWords(placement, locale)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {answer && !answer.__typename.endsWith('Payload') ? (
        <div role="alert" className="problem sheet-refusal">
          <p>{sheetRefusalSummary(answer, locale, n(answer.issueCount ?? 0))}</p>
          {answer.issues?.length ? (
            <ul>
              {answer.issues.map((issue) => (
                <li
                  key={`${issue.sheet}:${issue.row}:${issue.column}`}
                  data-row={issue.row}
                  data-code={issue.code}
                >
                  {sheetIssueWords(issue, locale)}
                </li>
              ))}
            </ul>
          ) : null}
          {(answer.issueCount ?? 0) > (answer.issues?.length ?? 0) ? (
            <p>{t('import.more', { count: n((answer.issueCount ?? 0) - (answer.issues?.length ?? 0)) })}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
