// The app's frame: the header (sections, language, who is signed in) and the routes. Each view is
// a folder under views/ and is loaded when first opened, so the first page stays small.
import { Component, type ErrorInfo, lazy, type ReactNode, Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { Loading } from './components/problem.tsx';
import { I18nProvider, translate, useI18n } from './i18n/i18n.tsx';
import { OutboxProvider } from './outbox/outbox.tsx';
import { paths, patterns } from './routes.ts';
import { deviceStore } from './session/device-store.ts';
import { setGraphiQLToken } from './session/graphiql-token.ts';
import { SessionProvider, useSession } from './session/session.tsx';
import { abilitiesOf, useViewer, ViewerProvider } from './session/viewer.tsx';
import { HomeView, ReportView, ScenariosView } from './views/home/home-view.tsx';
import { deviceDrafts } from './views/report/draft-store.ts';
import { SignInView } from './views/sign-in/sign-in-view.tsx';

const PlanView = lazy(() => import('./views/plan/plan-route.tsx'));
const WhatIfView = lazy(() => import('./views/what-if/what-if-view.tsx'));
const CompareView = lazy(() => import('./views/compare/compare-view.tsx'));
const StaffingView = lazy(() => import('./views/staffing/staffing-view.tsx'));
const RosterView = lazy(() => import('./views/roster/roster-view.tsx'));
const VisitsView = lazy(() => import('./views/visits/visits-view.tsx'));
const AreasView = lazy(() => import('./views/areas/areas-view.tsx'));
const ReportedView = lazy(() => import('./views/reported/reported-view.tsx'));

/** A view that throws while drawing shows a message instead of an empty page. */
class Crashed extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }
  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const locale = deviceStore.get<string>('locale') === 'en' ? 'en' : 'vi';
    return (
      <div className="problem" role="alert">
        <p>{translate(locale, 'problem.crashed')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {translate(locale, 'action.reload')}
        </button>
      </div>
    );
  }
}

function Header() {
  const { t, locale, setLocale } = useI18n();
  const { token, refused, signOut } = useSession();
  const { viewer, abilities: own } = useViewer();
  // A token refused since (revoked mid-session) opens nothing of its role: the sections are those
  // of nobody signed in, as the name beside them is gone.
  const abilities = refused ? abilitiesOf(null) : own;
  const openGraphiQL = () => {
    if (token === null || refused) return;
    try {
      setGraphiQLToken(localStorage, token, true);
    } catch {
      // Storage refused (a private window): GraphiQL opens without the token, as before.
    }
  };
  const signOutHere = () => {
    // A shared phone: what one reporter typed and did not send stays with them, not the next one.
    if (viewer === null || own.reportsDays) void deviceDrafts.clear().catch(() => {});
    signOut();
  };
  return (
    <header className="app-header">
      <Link href={paths.home} className="brand">
        Muster
      </Link>
      {abilities.reportsDays ? (
        <nav aria-label={t('nav.label')}>
          <Link href={paths.home}>{t('nav.report')}</Link>
          <Link href={paths.scenarios}>{t('nav.scenarios')}</Link>
        </nav>
      ) : (
        <nav aria-label={t('nav.label')}>
          <Link href={paths.home}>{t('nav.scenarios')}</Link>
          <Link href={paths.areas()}>{t('nav.areas')}</Link>
          {abilities.followsReports ? <Link href={paths.reported()}>{t('nav.reported')}</Link> : null}
          <a
            href="/graphql"
            // In a tab of its own, the app left open behind it (GraphiQL has no way back to it).
            target="_blank"
            rel="noopener"
            // GraphiQL opens with the planner's token in its Headers (its storage, on this origin,
            // shared by the new tab), never in the address. Middle-click and ctrl-click open it too.
            onClick={openGraphiQL}
            onAuxClick={(event) => {
              // The middle button opens it; the right one only shows the menu.
              if (event.button === 1) openGraphiQL();
            }}
          >
            GraphiQL
            {/* A screen reader says where the link opens; the eye sees the new tab arrive. */}
            <span className="visually-hidden"> {t('nav.newTab')}</span>
          </a>
        </nav>
      )}
      <div className="header-end">
        <button
          type="button"
          lang={locale === 'vi' ? 'en' : 'vi'}
          onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
        >
          {t('language.switch')}
        </button>
        {/* A token refused since (revoked mid-session) names nobody: its holder is told to sign in again. */}
        {viewer && !refused ? (
          <span className="viewer" data-role={viewer.role}>
            {viewer.name} · {t(`role.${viewer.role}`)}
          </span>
        ) : null}
        {token ? (
          <button type="button" onClick={signOutHere}>
            {t('signOut')}
          </button>
        ) : (
          <Link href={paths.signIn}>{t('signIn.title')}</Link>
        )}
      </div>
    </header>
  );
}

function Routes() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path={patterns.home} component={HomeView} />
        <Route path={patterns.signIn} component={SignInView} />
        <Route path={patterns.scenarios} component={ScenariosView} />
        <Route path={patterns.report} component={ReportView} />
        <Route path={patterns.reported} component={ReportedView} />
        <Route path={patterns.areas} component={AreasView} />
        <Route path={patterns.whatIf} component={WhatIfView} />
        <Route path={patterns.staffing} component={StaffingView} />
        <Route path={patterns.roster} component={RosterView} />
        <Route path={patterns.visits} component={VisitsView} />
        <Route path={patterns.plan} component={PlanView} />
        <Route path={patterns.compare} component={CompareView} />
        <Route>
          <p role="alert">{t('problem.notFound')}</p>
        </Route>
      </Switch>
    </Suspense>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <ViewerProvider>
          <OutboxProvider>
            <Header />
            <main>
              <Crashed>
                <Routes />
              </Crashed>
            </main>
          </OutboxProvider>
        </ViewerProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
