import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiErrorMessage } from '../../../shared/errors';
import { Link } from '../../../shared/i18n/links';
import { SignInMutation, SignInOptionsQuery } from '../api/account';
import { resetSession } from '../../../shared/account/cache';

/** Only paths inside the app are followed after signing in (no open redirect through ?weiter=). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/konto';
}

export function SignInPage() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useApolloClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { data: options } = useQuery(SignInOptionsQuery);
  const [signIn, { loading, error }] = useMutation(SignInMutation);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await signIn({ variables: { input: { email: email.trim(), password } } });
    } catch {
      // The error is shown from the mutation's state; the form keeps what was typed (but the password).
      setPassword('');
      return;
    }
    // A new session: everything cached so far was fetched as someone else (or anonymously).
    await resetSession(client);
    await navigate(safeNext(params.get('weiter')));
  };

  return (
    <>
      <h1>{t('account.signInTitle')}</h1>
      <p>{t('account.signInIntro')}</p>
      <div className="account-layout">
        <form className="card form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} noValidate>
          <h2 id={`${id}-title`} className="sr-only">
            {t('account.signInTitle')}
          </h2>
          {error && (
            <div ref={errorRef} tabIndex={-1}>
              <ApiErrorMessage error={error} />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('account.email')}</label>
            <input id={`${id}-email`} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('account.password')}</label>
            <input
              id={`${id}-password`}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <p>
            <button type="submit" className="button" disabled={loading}>
              {loading ? t('account.signingIn') : t('account.submitSignIn')}
            </button>
          </p>
        </form>
        <div className="card">
          {options?.oidcSignIn && (
            <>
              <p>
                {/* A full page load: the server answers with the identity provider's redirect. */}
                <a className="button-secondary" href="/auth/oidc/login">
                  {t('account.oidc')}
                </a>
              </p>
              <p className="muted small">{t('account.oidcHint')}</p>
            </>
          )}
          <p>
            {t('account.noAccount')} <Link to="/registrieren">{t('account.registerLink')}</Link>
          </p>
        </div>
      </div>
    </>
  );
}

export default SignInPage;
