import type { ErrorLike } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { errorCode, errorExtensions } from '../../../shared/errors';
import { formatPartialDate } from '../../../shared/format';

interface CurrentRecord {
  id?: string;
  version?: number;
  name?: string;
  status?: string;
  legalForm?: string;
  startYear?: number | null;
  endDate?: string | null;
  seat?: string | null;
  description?: string | null;
  sourceUrl?: string | null;
  sourceReference?: string | null;
  taskAreaIds?: string[];
  members?: Array<{ key: string; kind: string }>;
}

/** The current record a CONFLICT carries (extensions.current), when the error is one with a record. */
export function conflictCurrent(error: ErrorLike | undefined): (CurrentRecord & { version: number }) | null {
  if (errorCode(error) !== 'CONFLICT') return null;
  const current = errorExtensions(error).current as CurrentRecord | undefined;
  return current && typeof current.version === 'number' ? (current as CurrentRecord & { version: number }) : null;
}

/**
 * "Der Eintrag wurde inzwischen geändert …": says what happened, shows the current version next to the one the form
 * holds, and offers the two ways on — start again from the current version, or apply the form's version over it.
 */
export function ConflictNotice({
  error,
  base,
  onReload,
  onOverride,
  overrideLabel,
}: {
  error: ErrorLike;
  base: number;
  onReload?: () => void;
  onOverride: (version: number) => void;
  overrideLabel?: (version: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const current = conflictCurrent(error)!;
  return (
    <div role="alert" className="alert conflict" data-testid="conflict">
      <h2>{t('conflict.title')}</h2>
      <p>{t('conflict.text', { version: current.version, base })}</p>
      <h3>{t('conflict.current', { version: current.version })}</h3>
      <dl className="facts">
        {current.name && (
          <>
            <dt>{t('field.name')}</dt>
            <dd>{current.name}</dd>
          </>
        )}
        {current.status && (
          <>
            <dt>{t('field.status')}</dt>
            <dd>{t(`status.${current.status}`)}</dd>
          </>
        )}
        {current.legalForm && (
          <>
            <dt>{t('field.legalForm')}</dt>
            <dd>{t(`legalForm.${current.legalForm}`)}</dd>
          </>
        )}
        {current.startYear !== null && current.startYear !== undefined && (
          <>
            <dt>{t('field.startYear')}</dt>
            <dd>{current.startYear}</dd>
          </>
        )}
        {current.endDate && (
          <>
            <dt>{t('field.endDate')}</dt>
            <dd>{formatPartialDate(current.endDate, i18n.language)}</dd>
          </>
        )}
        {current.seat && (
          <>
            <dt>{t('field.seat')}</dt>
            <dd>{current.seat}</dd>
          </>
        )}
        {current.description && (
          <>
            <dt>{t('field.description')}</dt>
            <dd>{current.description}</dd>
          </>
        )}
        {current.members && (
          <>
            <dt>{t('field.members')}</dt>
            <dd>{current.members.length}</dd>
          </>
        )}
        {(current.sourceUrl || current.sourceReference) && (
          <>
            <dt>{t('history.source')}</dt>
            <dd>{current.sourceUrl ?? current.sourceReference}</dd>
          </>
        )}
      </dl>
      <p className="row-actions">
        {onReload && (
          <button type="button" className="button-secondary" onClick={onReload}>
            {t('conflict.reload')}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={() => onOverride(current.version)}>
          {overrideLabel ? overrideLabel(current.version) : t('conflict.overwrite', { version: current.version })}
        </button>
      </p>
    </div>
  );
}
