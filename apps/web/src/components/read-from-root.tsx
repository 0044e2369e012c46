// A view worked out from a scenario's root (its what-if, hourly staffing, roster), reached by a
// caller whose area lies below that root: why the role may not see it, and the plan at the
// caller's own area, which it may.
import { Link } from 'wouter';
import { useI18n } from '../i18n/i18n.tsx';
import { paths } from '../routes.ts';
import { useViewer } from '../session/viewer.tsx';

export function ReadFromRoot({ scenarioId, rootName }: { scenarioId: string; rootName: string }) {
  const { t } = useI18n();
  const { area } = useViewer();
  return (
    <div className="problem" role="alert" data-problem="forbidden">
      <p>{t('scenario.readFromRoot', { root: rootName })}</p>
      {area ? (
        <p>
          <Link href={paths.plan(scenarioId, area.code)}>
            {t('scenario.planAtOwnArea', { area: area.name ?? area.code })}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
