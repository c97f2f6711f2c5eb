import { useTranslation } from 'react-i18next';
import { WEIGHT_KEYS, type WeightKey } from '../../../shared/partnerParams';

interface Props {
  weights: Record<WeightKey, number>;
  defaults: Record<WeightKey, number>;
  onChange: (key: WeightKey, value: number) => void;
  onReset: () => void;
}

/** Native range inputs: labelled, keyboard-operable, and each change re-ranks at once. */
export function WeightSliders({ weights, defaults, onChange, onReset }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="card sliders">
      <legend>{t('finder.weights')}</legend>
      {WEIGHT_KEYS.map((key) => {
        const componentKey = key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
        return (
          <div key={key} className="slider">
            <label htmlFor={`weight-${key}`}>{t(`components.${componentKey}`)}</label>
            <input
              id={`weight-${key}`}
              type="range"
              min={0}
              max={10}
              step={0.5}
              value={weights[key]}
              aria-valuetext={weights[key].toLocaleString(i18n.language)}
              onChange={(event) => onChange(key, Number(event.target.value))}
            />
            <output htmlFor={`weight-${key}`}>{weights[key].toLocaleString(i18n.language)}</output>
            {weights[key] !== defaults[key] && <span className="muted"> ({t('finder.default')}: {defaults[key].toLocaleString(i18n.language)})</span>}
          </div>
        );
      })}
      <button type="button" className="button-secondary" onClick={onReset}>
        {t('finder.resetWeights')}
      </button>
    </fieldset>
  );
}
