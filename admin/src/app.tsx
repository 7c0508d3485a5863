// The shell: finds out whether the site needs setup or a sign-in, then shows the navigation and the
// screen the address names. Focus moves to the screen's heading at every route change.
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  api,
  setCsrfToken,
  setUnauthenticatedHandler,
  type Locale,
  type SessionAnswer,
  type Staff,
} from './api.js';
import { Main, useBusyWhile } from './busy.js';
import { browserLocale, setLocale, t, type Key } from './i18n.js';
import { can, type Action, type Resource } from './permissions.js';
import { navigate, useRoute, type Route } from './router.js';
import { SessionContext, type SessionValue } from './session.js';
import { LinkHealthScreen } from './screens/link-health.js';
import { MediaScreen } from './screens/media.js';
import { MembersScreen } from './screens/members.js';
import { NewslettersScreen } from './screens/newsletters.js';
import { PostEditorScreen } from './screens/post-editor.js';
import { PostListScreen } from './screens/post-list.js';
import { ProfileScreen } from './screens/profile.js';
import { PromotionsScreen } from './screens/promotions.js';
import { RedirectsScreen } from './screens/redirects.js';
import { SettingsScreen } from './screens/settings.js';
import { ImportScreen } from './screens/site-import.js';
import { IntegrationsScreen } from './screens/integrations.js';
import {
  ForgotPasswordScreen,
  InvitationScreen,
  LoginScreen,
  ResetPasswordScreen,
  SetupScreen,
} from './screens/signed-out.js';
import { SignInLinkScreen } from './screens/sign-in-steps.js';
import { StaffScreen } from './screens/staff.js';
import { TagsScreen } from './screens/tags.js';
import { errorsOf, ErrorSummary, type Errors } from './ui.js';

type Auth =
  | { state: 'loading' }
  | { state: 'failed'; errors: Errors }
  | { state: 'setup' }
  | { state: 'signed-out' }
  | { state: 'signed-in'; staff: Staff };

const signedOutRoutes = new Set([
  'login',
  'setup',
  'forgot-password',
  'reset-password',
  'invitation',
  'sign-in-link',
]);

const sections: { route: string; label: Key; resource?: Resource; action?: Action }[] = [
  { route: 'posts', label: 'navPosts', resource: 'post' },
  { route: 'pages', label: 'navPages', resource: 'page' },
  { route: 'sources', label: 'navLinkHealth', resource: 'post' },
  { route: 'media', label: 'navMedia', resource: 'media' },
  { route: 'tags', label: 'navTags', resource: 'tag' },
  { route: 'staff', label: 'navStaff', resource: 'staff' },
  { route: 'newsletters', label: 'navNewsletters', resource: 'newsletter' },
  { route: 'members', label: 'navMembers', resource: 'member' },
  { route: 'promotions', label: 'navPromotions', resource: 'promotion' },
  { route: 'redirects', label: 'navRedirects', resource: 'redirect' },
  { route: 'settings', label: 'navSettings', resource: 'settings' },
  // Settings → Import: only a role that may change the settings (owner, administrator) imports.
  { route: 'import', label: 'navImport', resource: 'settings', action: 'update' },
  { route: 'integrations', label: 'navIntegrations', resource: 'integration' },
  { route: 'profile', label: 'navProfile' },
];

/** After a route change: the new screen's heading gets focus and names the document. */
function useFocusOnRoute(route: Route, ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const heading = document.getElementById('screen-heading');
    document.title = `${heading?.textContent ?? ''} – Broadsheet`;
    heading?.focus({ preventScroll: false });
  }, [route.key, ready]);
}

export function App() {
  const route = useRoute();
  const [auth, setAuth] = useState<Auth>({ state: 'loading' });
  const [locale, setLocaleState] = useState<Locale>(() => browserLocale());
  setLocale(locale);

  const signedIn = (answer: SessionAnswer) => {
    setCsrfToken(answer.csrfToken);
    setLocaleState(answer.staff.locale === 'nb' ? 'nb' : 'en');
    setAuth({ state: 'signed-in', staff: answer.staff });
    if (signedOutRoutes.has(route.name) || route.name === '') navigate('/posts');
  };

  useEffect(() => {
    setUnauthenticatedHandler(() => setAuth({ state: 'signed-out' }));
    void (async () => {
      try {
        const { isSetupNeeded } = await api.get<{ isSetupNeeded: boolean }>('/setup');
        if (isSetupNeeded) return setAuth({ state: 'setup' });
        try {
          signedIn(await api.get<SessionAnswer>('/session', undefined, { quiet401: true }));
        } catch (error) {
          if ((error as { status?: number }).status === 401) setAuth({ state: 'signed-out' });
          else throw error;
        }
      } catch (error) {
        setAuth({ state: 'failed', errors: errorsOf(error) });
      }
    })();
  }, []);

  useBusyWhile(auth.state === 'loading');
  useFocusOnRoute(route, auth.state !== 'loading');

  if (auth.state === 'loading')
    return (
      <Main class="signed-out">
        <p class="loading">{t('loading')}</p>
      </Main>
    );
  if (auth.state === 'failed')
    return (
      <Main class="signed-out">
        <h1 id="screen-heading" tabIndex={-1}>
          {t('appFailed')}
        </h1>
        <ErrorSummary errors={auth.errors} />
      </Main>
    );
  if (auth.state !== 'signed-in') return <SignedOut auth={auth.state} route={route} onSignedIn={signedIn} />;
  return (
    <SignedIn
      key={locale}
      staff={auth.staff}
      route={route}
      onStaff={(staff) => {
        setAuth({ state: 'signed-in', staff });
        if (staff.locale && staff.locale !== locale) setLocaleState(staff.locale);
      }}
      onSignedOut={() => {
        setCsrfToken('');
        setAuth({ state: 'signed-out' });
        navigate('/login');
      }}
    />
  );
}

function SignedOut(props: {
  auth: 'setup' | 'signed-out';
  route: Route;
  onSignedIn: (a: SessionAnswer) => void;
}) {
  const { route } = props;
  let screen;
  if (props.auth === 'setup') screen = <SetupScreen onSignedIn={props.onSignedIn} />;
  else if (route.name === 'forgot-password') screen = <ForgotPasswordScreen />;
  else if (route.name === 'reset-password') screen = <ResetPasswordScreen token={route.params[0] ?? ''} />;
  else if (route.name === 'sign-in-link')
    screen = <SignInLinkScreen token={route.params[0] ?? ''} onSignedIn={props.onSignedIn} />;
  else if (route.name === 'invitation')
    screen = <InvitationScreen token={route.params[0] ?? ''} onSignedIn={props.onSignedIn} />;
  else screen = <LoginScreen onSignedIn={props.onSignedIn} />;
  return (
    <>
      <header class="signed-out-header">
        <p class="brand">Broadsheet</p>
      </header>
      <Main class="signed-out">{screen}</Main>
    </>
  );
}

function SignedIn(props: {
  staff: Staff;
  route: Route;
  onStaff: (staff: Staff) => void;
  onSignedOut: () => void;
}) {
  const { staff, route } = props;
  const session = useMemo<SessionValue>(
    () => ({
      staff,
      setStaff: props.onStaff,
      signOut: async () => {
        try {
          await api.delete('/session');
        } finally {
          props.onSignedOut();
        }
      },
    }),
    [staff],
  );
  const visible = sections.filter((s) => !s.resource || can(staff.role, s.resource, s.action ?? 'read'));
  const current = route.name || 'posts';
  // On a phone the navigation folds behind the Menu button. It is open only on the route it was
  // opened on, so it is folded in the same render that shows the next screen.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const isMenuOpen = menuOpenOn === route.key;
  return (
    <SessionContext.Provider value={session}>
      <header class="topbar">
        <a
          class="skip-link"
          href="#/"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('screen-heading')?.focus();
          }}
        >
          {t('skipToContent')}
        </a>
        <p class="brand">Broadsheet</p>
        <button
          type="button"
          class="button plain menu-toggle"
          aria-expanded={isMenuOpen ? 'true' : 'false'}
          aria-controls="admin-navigation"
          onClick={() => setMenuOpenOn(isMenuOpen ? null : route.key)}
        >
          {t('menu')}
        </button>
        <p class="who">
          {staff.name} <span class="role">({t(`role_${staff.role}`)})</span>
        </p>
        <a class="button plain view-site" href="/" target="_blank" rel="noopener">
          {t('viewSite')}
          <span class="visually-hidden"> {t('opensInNewTab')}</span>
        </a>
        <button type="button" class="button plain" onClick={() => void session.signOut()}>
          {t('signOut')}
        </button>
      </header>
      <div class="layout">
        <nav
          id="admin-navigation"
          class={`sidebar${isMenuOpen ? ' is-open' : ''}`}
          aria-label={t('adminNavigation')}
        >
          <ul>
            {visible.map((s) => (
              <li key={s.route}>
                <a href={`#/${s.route}`} aria-current={current === s.route ? 'page' : undefined}>
                  {t(s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <Main class="content">
          <Screen route={route} />
        </Main>
      </div>
    </SessionContext.Provider>
  );
}

function Screen({ route }: { route: Route }) {
  const id = route.params[0];
  switch (route.name) {
    case '':
    case 'posts':
      return id ? (
        <PostEditorScreen key={`post-${id}`} type="post" id={id} />
      ) : (
        <PostListScreen key="posts" type="post" route={route} />
      );
    case 'pages':
      return id ? (
        <PostEditorScreen key={`page-${id}`} type="page" id={id} />
      ) : (
        <PostListScreen key="pages" type="page" route={route} />
      );
    case 'sources':
      return <LinkHealthScreen route={route} />;
    case 'media':
      return <MediaScreen />;
    case 'tags':
      return <TagsScreen />;
    case 'staff':
      return <StaffScreen />;
    case 'newsletters':
      return <NewslettersScreen />;
    case 'members':
      return <MembersScreen route={route} />;
    case 'promotions':
      return <PromotionsScreen />;
    case 'redirects':
      return <RedirectsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'import':
      return <ImportScreen />;
    case 'integrations':
      return <IntegrationsScreen />;
    case 'profile':
      return <ProfileScreen />;
    default:
      return (
        <>
          <h1 id="screen-heading" tabIndex={-1}>
            {t('notFound')}
          </h1>
          <p>
            <a href="#/posts">{t('navPosts')}</a>
          </p>
        </>
      );
  }
}
