// A request that failed, said plainly with what to do next: never a blank page.
import type { CombinedError } from 'urql';
import type { LimitKind } from '../gql/graphql.ts';
import { PROBLEM_MESSAGE, type ProblemKind, problemOf } from '../graphql/problem.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { paths } from '../routes.ts';
import { useSession } from '../session/session.tsx';
import { refusalWords } from './refusal-words.ts';

export function Problem({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const kind = problemOf(error);
  console.warn('request failed:', error.message);
  return (
    <div className="problem" role="alert" data-problem={kind}>
      <p>{t(PROBLEM_MESSAGE[kind])}</p>
      {kind === 'unauthenticated' ? (
        <p>
          <a href={paths.signIn} onClick={signOut}>
            {t('signIn.again')}
          </a>
        </p>
      ) : null}
      {/* Asked again, a request over the service's cost or outside the role is refused again; one
          stopped by its time on a busy service may pass. */}
      {onRetry && kind !== 'unauthenticated' && kind !== 'tooLarge' && kind !== 'forbidden' ? (
        <button type="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** Refusals said by what the caller may do, in the app's own words (the API's are English). */
type RefusalKind = Extract<ProblemKind, 'forbidden' | 'unauthenticated'>;

/** The typed errors that are such refusals. */
const REFUSAL_KIND: Partial<Record<string, RefusalKind>> = {
  ForbiddenError: 'forbidden',
  UnauthenticatedError: 'unauthenticated',
};

/**
 * A typed error the API answered instead of a result (unknown area, refused input, infeasible),
 * or a refusal the app tells before asking (`kind`: a page the caller's role may not read). Said
 * in the reader's language (refusal-words.ts); a Vietnamese reader finds the API's English reason
 * folded beneath, to pass on. A request stopped by its time (a LimitExceededError whose `limit`
 * the document selected) offers `onRetry`.
 */
export function Refusal(
  props:
    | { error: { __typename?: string; message: string; limit?: LimitKind | null }; onRetry?: () => void }
    | { kind: RefusalKind },
) {
  const { t, locale } = useI18n();
  if ('kind' in props) {
    return (
      <div className="problem" role="alert" data-problem={props.kind}>
        <p>{t(PROBLEM_MESSAGE[props.kind])}</p>
      </div>
    );
  }
  const { __typename: typename, message, limit } = props.error;
  const { sentence, detail, retry } = refusalWords(locale, typename, message, limit);
  return (
    <div
      className="problem"
      role="alert"
      data-problem={retry ? 'busy' : (REFUSAL_KIND[typename ?? ''] ?? 'refused')}
    >
      <p>{sentence}</p>
      {detail ? (
        <details>
          <summary>{t('problem.refusedDetail')}</summary>
          <p lang="en">{detail}</p>
        </details>
      ) : null}
      {retry && props.onRetry ? (
        <button type="button" onClick={props.onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('state.loading')}
    </p>
  );
}

/**
 * Shows the request's state: a problem, the first load, or the children. A failed refresh of
 * data already shown keeps the data and adds the problem above it.
 */
export function Requested({
  fetching,
  error,
  hasData,
  onRetry,
  children,
}: {
  fetching: boolean;
  error: CombinedError | undefined;
  hasData: boolean;
  onRetry?: () => void;
  children: () => React.ReactNode;
}) {
  if (!hasData) {
    if (error) return <Problem error={error} {...(onRetry ? { onRetry } : {})} />;
    if (fetching) return <Loading />;
    return null;
  }
  return (
    <>
      {error ? <Problem error={error} {...(onRetry ? { onRetry } : {})} /> : null}
      {children()}
    </>
  );
}
