import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorMessage } from '../../../shared/errors';
import { Link } from '../../../shared/i18n/links';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import { RegisterMutation } from '../api/account';

const MAX_MUNICIPALITIES = 10;

export function RegisterPage() {
  const { t } = useTranslation();
  const id = useId();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [chosen, setChosen] = useState<Array<{ ags: string; name: string }>>([]);
  // A new key empties the search box after each pick.
  const [searchKey, setSearchKey] = useState(0);
  const [missing, setMissing] = useState(false);
  const [register, { data, loading, error }] = useMutation(RegisterMutation);
  const errorRef = useRef<HTMLDivElement>(null);

  const searchRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error || missing) errorRef.current?.focus();
  }, [error, missing]);
  // The search box is replaced after each pick; keep the keyboard in it for the next one.
  useEffect(() => {
    if (searchKey > 0) searchRef.current?.querySelector('input')?.focus();
  }, [searchKey]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      await register({ variables: { input: { displayName: displayName.trim(), email: email.trim(), password, municipalityAgs: chosen.map((c) => c.ags) } } });
    } catch {
      // Shown from the mutation's state; everything typed stays in the form.
    }
  };

  if (data) {
    return (
      <>
        <h1>{t('account.registerTitle')}</h1>
        <div className="card" role="status">
          <p>
            <strong>{t('account.registered', { name: data.register.account.displayName })}</strong>
          </p>
          <p>{t('account.registeredNext')}</p>
          <p>
            <Link to="/anmelden">{t('account.signIn')}</Link>
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <h1>{t('account.registerTitle')}</h1>
      <p>{t('account.registerIntro')}</p>
      <form className="card form" onSubmit={(event) => void submit(event)} noValidate>
        {(error || missing) && (
          <div ref={errorRef} tabIndex={-1}>
            {error ? (
              <ApiErrorMessage error={error} kept />
            ) : (
              <div role="alert" className="alert">
                <p>{t('account.needMunicipality')}</p>
              </div>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('account.displayName')}</label>
          <input id={`${id}-name`} name="name" autoComplete="name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('account.email')}</label>
          <input id={`${id}-email`} type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('account.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            name="new-password"
            autoComplete="new-password"
            required
            minLength={12}
            aria-describedby={`${id}-password-hint`}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p id={`${id}-password-hint`} className="field-help">
            {t('account.passwordHint')}
          </p>
        </div>
        <fieldset className="field">
          <legend>{t('account.municipalities')}</legend>
          <p className="field-help">{t('account.municipalitiesHint')}</p>
          {chosen.length === 0 ? (
            <p className="muted">{t('account.noneChosen')}</p>
          ) : (
            <ul className="chips" aria-label={t('account.municipalities')}>
              {chosen.map((c) => (
                <li key={c.ags}>
                  {c.name}{' '}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t('account.remove', { name: c.name })}
                    onClick={() => setChosen((list) => list.filter((x) => x.ags !== c.ags))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {chosen.length < MAX_MUNICIPALITIES && (
            <div ref={searchRef}>
              <MunicipalitySearch
                key={searchKey}
                label={t('account.addMunicipality')}
                onSelect={(ags, name) => {
                  setChosen((list) => (list.some((c) => c.ags === ags) ? list : [...list, { ags, name }]));
                  setSearchKey((k) => k + 1);
                  setMissing(false);
                }}
              />
            </div>
          )}
        </fieldset>
        <p>
          <button type="submit" className="button" disabled={loading}>
            {loading ? t('account.registering') : t('account.submitRegister')}
          </button>
        </p>
        <p>
          {t('account.haveAccount')} <Link to="/anmelden">{t('account.signIn')}</Link>
        </p>
      </form>
    </>
  );
}

export default RegisterPage;
