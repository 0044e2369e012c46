// Downloads of a view as XLSX or CSV from `GET /export/<view>.<format>`. A link cannot carry the
// bearer token, so each button fetches the file with it and hands the browser the bytes.
import { useState } from 'react';
import { PROBLEM_MESSAGE, refusalKindOf } from '../graphql/problem.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { useSession } from '../session/session.tsx';

export type ExportView = 'plan' | 'daily' | 'plan-vs-actual' | 'roster' | 'visits';

/** A file the service would not make, as the buttons say it: the words, and whether to offer asking again. */
export type ExportRefusal = { words: MessageKey; retry: boolean };

/**
 * A file the service would not make, in the app's words by the refusal's status, code and limit
 * (the API's sentences are English). Over its request's cost (`limit` COST) the same file is
 * refused again; stopped when its request's time ran out (TIME), the service was busy and asking
 * again may make it.
 *
 * @example refusalOf(422, 'LIMIT_EXCEEDED', 'TIME') // { words: 'export.busy', retry: true }
 */
export function refusalOf(status: number, code: string | undefined, limit?: unknown): ExportRefusal {
  const refused = refusalKindOf(status, [code]);
  // A file over a limit has words of its own (a smaller area; a busy service), not a page's request's.
  if (refused === 'tooLarge') {
    return limit === 'TIME'
      ? { words: 'export.busy', retry: true }
      : { words: 'export.tooLarge', retry: false };
  }
  if (refused) return { words: PROBLEM_MESSAGE[refused], retry: false };
  return { words: status >= 500 ? 'problem.server' : 'export.refused', retry: false };
}

function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

export function ExportLinks({
  views,
  scenarioId,
  areaCode,
  areaName,
  args = {},
}: {
  views: readonly ExportView[];
  scenarioId: string;
  areaCode: string;
  /** Named beside each view where a page offers the same view for several areas. */
  areaName?: string;
  /** The arguments the page asked its view with (the roster's `days`), so a file holds what it shows. */
  args?: Readonly<Record<string, string>>;
}) {
  const { t, locale } = useI18n();
  const { token } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  /** The file to ask for again, when it was stopped on a busy service. */
  const [retry, setRetry] = useState<{ view: ExportView; format: 'xlsx' | 'csv' } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function download(view: ExportView, format: 'xlsx' | 'csv') {
    setProblem(null);
    setRetry(null);
    setBusy(`${view}.${format}`);
    try {
      const query = new URLSearchParams({ ...args, scenarioId, areaCode, lang: locale });
      const response = await fetch(`/export/${view}.${format}?${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          errors?: { message: string; extensions?: { code?: string; limit?: unknown } }[];
        } | null;
        const extensions = body?.errors?.[0]?.extensions;
        const refused = refusalOf(response.status, extensions?.code, extensions?.limit);
        setProblem(t(refused.words));
        if (refused.retry) setRetry({ view, format });
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf(response, `muster-${view}.${format}`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setProblem(t('problem.offline'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="export-links no-print">
      <span>{t('export.title')}</span>
      {views.map((view) => {
        const named = areaName
          ? t('export.viewOf', { view: t(`export.view.${view}`), area: areaName })
          : t(`export.view.${view}`);
        return (
          <span key={view} className="export-view">
            {named}:{' '}
            {(['xlsx', 'csv'] as const).map((format) => (
              <button
                key={format}
                type="button"
                className="link-button"
                disabled={busy !== null}
                aria-label={t('export.download', { view: named, format: format.toUpperCase() })}
                onClick={() => void download(view, format)}
              >
                {format.toUpperCase()}
              </button>
            ))}
          </span>
        );
      })}
      {problem ? (
        <p role="alert" className="problem">
          {problem}
          {retry ? (
            <>
              {' '}
              <button
                type="button"
                className="link-button"
                disabled={busy !== null}
                onClick={() => void download(retry.view, retry.format)}
              >
                {t('action.retry')}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
