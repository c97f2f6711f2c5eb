import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/account/dates';
import { isOffice, useSession, type Me } from '../../../shared/account/session';
import { ApiErrorMessage } from '../../../shared/errors';
import { Link } from '../../../shared/i18n/links';
import { AddContactPersonMutation, CooperationContactsQuery, CooperationHistoryQuery, RemoveContactPersonMutation } from '../api/upkeep';

type Members = ReadonlyArray<{ kind: string; key?: string | null }>;

/** Staff may report about cooperations that include one of their municipalities; the office about all. */
function mayReport(me: Me | null, members: Members): boolean {
  if (!me || me.status !== 'ACTIVE') return false;
  if (isOffice(me)) return true;
  return members.some((m) => m.kind === 'MUNICIPALITY' && m.key && me.municipalityAgs.includes(m.key));
}

/**
 * Under the title: when the record was last verified, and — for those who may — "Änderung melden" / "Beenden"
 * (staff of a member) or "Bearbeiten oder prüfen" (the office).
 */
export function CooperationUpkeepBar({ id, status }: { id: string; status: string }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { data } = useQuery(CooperationHistoryQuery, { variables: { id, signedIn: me !== null } });
  const c = data?.cooperation;
  if (!c) return null;
  return (
    <div className="upkeep-bar">
      <p className="muted" data-testid="verified">
        {c.verifiedAt ? t('verification.lastVerified', { date: formatDate(c.verifiedAt, i18n.language) }) : t('verification.never')}
        {c.verificationDue && c.verifiedAt && <> · {t('verification.due')}</>}
      </p>
      {mayReport(me, c.members) && (
        <p className="row-actions">
          <Link className="button-secondary" to={`/kooperationen/${id}/aendern`}>
            {isOffice(me) ? t('contrib.edit') : t('contrib.reportChange')}
          </Link>
          {status !== 'ENDED' && (
            <Link className="button-secondary" to={`/kooperationen/${id}/beenden`}>
              {t('contrib.reportEnd')}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}

/** Every version, newest first: who (signed-in readers only), when, what changed, on which source. */
export function CooperationHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { data, error } = useQuery(CooperationHistoryQuery, { variables: { id, signedIn: me !== null } });
  if (error) return <ApiErrorMessage error={error} />;
  const history = data?.cooperation.history;
  if (!history) return null;
  return (
    <section className="card" aria-labelledby="history" data-testid="history">
      <h2 id="history">{t('history.title')}</h2>
      {history.length === 0 ? (
        <p>{t('history.none')}</p>
      ) : (
        <ol className="history" reversed>
          {history.map((v) => {
            const source = v.sourceUrl ?? v.sourceReference;
            return (
              <li key={v.version} data-testid="history-entry">
                <p>
                  <strong>{formatDateTime(v.at, i18n.language)}</strong> · {t('history.version', { version: v.version })} · {t(`provenance.${v.provenance}`)}
                  {v.actorName && <> · {t('history.by', { name: v.actorName })}</>}
                  {v.reviewerName && <> · {t('history.reviewedBy', { name: v.reviewerName })}</>}
                </p>
                {v.summary && <p>{v.summary}</p>}
                {v.changes.length > 0 && (
                  <p className="muted small">
                    {t('history.changed', {
                      fields: v.changes.map((c) => (t(`field.${c.field}`) === `field.${c.field}` ? c.field : t(`field.${c.field}`))).join(', '),
                    })}
                  </p>
                )}
                {source && (
                  <p className="small">
                    {t('history.source')}: {source.startsWith('http') ? <a href={source}>{source}</a> : source}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {!me && <p className="muted small">{t('history.signInForNames')}</p>}
    </section>
  );
}

function AddContact({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ name: '', function: '', email: '', phone: '', consentGivenOn: '' });
  const [add, { loading, error }] = useMutation(AddContactPersonMutation, { refetchQueries: ['CooperationContacts'] });
  const [added, setAdded] = useState<string | null>(null);
  const set = (key: keyof typeof form, value: string) => setForm({ ...form, [key]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const blank = (v: string) => (v.trim() === '' ? null : v.trim());
      await add({
        variables: {
          input: {
            cooperationId,
            name: form.name.trim(),
            function: blank(form.function),
            email: blank(form.email),
            phone: blank(form.phone),
            consentGivenOn: form.consentGivenOn,
          },
        },
      });
      setAdded(form.name.trim());
      setForm({ name: '', function: '', email: '', phone: '', consentGivenOn: '' });
      setOpen(false);
    } catch {
      // shown above the fields; they keep what was typed
    }
  };
  if (!open)
    return (
      <>
        {added && <p role="status">{t('contacts.added', { name: added })}</p>}
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          {t('contacts.add')}
        </button>
      </>
    );
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {error && <ApiErrorMessage error={error} kept />}
      <p className="field-help">{t('contacts.consentHint')}</p>
      <div className="form-row">
        {(['name', 'function', 'email', 'phone'] as const).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`}>{t(`contacts.${key}`)}</label>
            <input
              id={`${id}-${key}`}
              type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
              required={key === 'name'}
              value={form[key]}
              onChange={(e) => set(key, e.target.value)}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-consent`}>{t('contacts.consent')}</label>
          <input id={`${id}-consent`} type="date" required value={form.consentGivenOn} onChange={(e) => set('consentGivenOn', e.target.value)} />
        </div>
      </div>
      <p className="row-actions">
        <button type="submit" className="button" disabled={loading}>
          {t('contacts.save')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t('worklist.cancel')}
        </button>
      </p>
    </form>
  );
}

function ContactList({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { data, error } = useQuery(CooperationContactsQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [remove, removeState] = useMutation(RemoveContactPersonMutation, { refetchQueries: ['CooperationContacts'] });
  if (error) return <ApiErrorMessage error={error} />;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const people = data.cooperation.contactPersons;
  return (
    <>
      {removeState.error && <ApiErrorMessage error={removeState.error} />}
      {people.length === 0 ? (
        <p>{t('contacts.none')}</p>
      ) : (
        <ul className="contact-list">
          {people.map((p) => (
            <li key={p.id} data-testid="contact-person">
              <strong>{p.name}</strong>
              {p.function && <>, {p.function}</>}
              {p.email && (
                <>
                  {' · '}
                  <a href={`mailto:${p.email}`}>{p.email}</a>
                </>
              )}
              {p.phone && (
                <>
                  {' · '}
                  <a href={`tel:${p.phone.replace(/\s+/g, '')}`}>{p.phone}</a>
                </>
              )}
              <span className="muted small">
                {' '}
                · {t('contacts.consent')} {formatDate(p.consentGivenOn, i18n.language)}
              </span>{' '}
              {canEdit && (
                <button
                  type="button"
                  className="link-button small"
                  disabled={removeState.loading}
                  onClick={() => void remove({ variables: { input: { contactPersonId: p.id } } })}
                >
                  {t('contacts.remove', { name: p.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <AddContact cooperationId={id} />}
    </>
  );
}

/** Contact persons are personal data (DSGVO): the section, and the request for them, exist only for signed-in users. */
export function CooperationContacts({ id }: { id: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { data } = useQuery(CooperationHistoryQuery, { variables: { id, signedIn: me !== null } });
  return (
    <section className="card" aria-labelledby="contacts" data-testid="contacts">
      <h2 id="contacts">{t('contacts.title')}</h2>
      {me && me.status === 'ACTIVE' ? (
        <ContactList id={id} canEdit={mayReport(me, data?.cooperation.members ?? [])} />
      ) : (
        <p className="muted">{t('contacts.hidden')}</p>
      )}
    </section>
  );
}
