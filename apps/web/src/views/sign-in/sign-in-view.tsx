// Sign-in with a bearer token: from the link `pnpm start` prints (`/sign-in#token=…`; the fragment
// never reaches a server or its logs) or pasted by hand. The token stays on this device.
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../routes.ts';
import { useSession } from '../../session/session.tsx';

/** The token in `#token=…`, if any. */
export function tokenInFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

export function SignInView() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [, navigate] = useLocation();
  const [typed, setTyped] = useState('');

  useEffect(() => {
    const token = tokenInFragment(window.location.hash);
    if (token === null) return;
    // Out of the address bar and the history at once, so it is not shared by copying the URL.
    window.history.replaceState(null, '', paths.signIn);
    signIn(token);
    navigate(paths.home, { replace: true });
  }, [signIn, navigate]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() === '') return;
    signIn(typed.trim());
    navigate(paths.home);
  };

  return (
    <section className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.help')}</p>
      <form onSubmit={submit}>
        <label>
          {t('signIn.token')}
          <input
            type="password"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <button type="submit">{t('signIn.submit')}</button>
      </form>
    </section>
  );
}
