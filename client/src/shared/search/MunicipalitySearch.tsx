import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { SearchMunicipalitiesQuery } from './api';

interface Props {
  label: string;
  onSelect: (ags: string, name: string) => void;
  initialValue?: string;
}

/**
 * Typeahead for municipalities following the WAI-ARIA combobox pattern: arrow keys move through the
 * suggestions, Enter picks one, Escape closes the list. The server forgives case, umlauts and suffixes, and takes
 * digits as a municipality key (AGS) or a postcode, so each option shows both.
 */
export function MunicipalitySearch({ label, onSelect, initialValue = '' }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState(initialValue);
  const [debounced, setDebounced] = useState(initialValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);

  const { data, loading, error } = useQuery(SearchMunicipalitiesQuery, { variables: { search: debounced }, skip: debounced.length < 2 });
  const options = debounced.length >= 2 ? (data?.municipalities.edges.map((e) => e.node) ?? []) : [];

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    setText(option.shortName);
    setOpen(false);
    onSelect(option.ags, option.shortName);
  };

  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={active >= 0 ? `${id}-option-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        value={text}
        placeholder={t('search.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(options.length - 1, a + 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            choose(active >= 0 ? active : 0);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={label} className="combobox-list" hidden={!open || options.length === 0}>
        {options.map((option, index) => (
          <li
            key={option.ags}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(index);
            }}
          >
            <strong>{option.shortName}</strong>{' '}
            <span className="muted">
              {[
                option.district?.name,
                `${formatNumber(option.population, i18n.language)} ${t('common.inhabitantsShort')}`,
                `AGS ${option.ags}`,
                option.postcode ? `${t('profile.postcode')} ${option.postcode}` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      <p id={`${id}-hint`} className="field-help">
        {t('search.hint')}
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {debounced.length >= 2 && !loading ? t('search.results', { count: options.length }) : ''}
      </p>
      {error && <p className="error">{t('common.apiError')}</p>}
      {debounced.length >= 2 && !loading && !error && options.length === 0 && <p className="muted">{t('search.none')}</p>}
    </div>
  );
}
