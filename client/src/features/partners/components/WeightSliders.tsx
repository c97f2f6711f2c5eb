import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { WeightSliders_WeightFragment } from '../../../gql/graphql';
import { formatNumber } from '../../../shared/format';
import { WEIGHT_RANGE } from '../../../shared/partnerParams';

interface Props {
  /** One per score component, in the engine's order, as the ranking used them. */
  weights: WeightSliders_WeightFragment[];
  onChange: (key: string, value: number) => void;
  onReset: () => void;
}

/**
 * One native range input per component the API lists: labelled with the component's name, described by what it
 * measures, keyboard-operable, with the default fitted on the register marked on the track and in the text.
 */
export function WeightSliders({ weights, onChange, onReset }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const n = (value: number) => formatNumber(value, i18n.language, { maximumFractionDigits: 1 });
  const changed = weights.some((w) => w.weight !== w.defaultWeight);
  return (
    <fieldset className="card sliders">
      <legend>{t('finder.weights')}</legend>
      <p className="muted small">{t('finder.weightsHelp')}</p>
      {weights.map((w) => {
        const id = `weight-${w.key}`;
        return (
          <div key={w.key} className="slider" data-component={w.key}>
            <label htmlFor={id}>{en ? w.info.labelEn : w.info.labelDe}</label>
            <input
              id={id}
              type="range"
              min={WEIGHT_RANGE.min}
              max={WEIGHT_RANGE.max}
              step={WEIGHT_RANGE.step}
              list={`${id}-default`}
              value={w.weight}
              aria-describedby={`${id}-help`}
              aria-valuetext={
                w.weight === w.defaultWeight
                  ? t('finder.weightValueDefault', { value: n(w.weight) })
                  : t('finder.weightValue', { value: n(w.weight), default: n(w.defaultWeight) })
              }
              onChange={(event) => onChange(w.key, Number(event.target.value))}
            />
            <datalist id={`${id}-default`}>
              <option value={w.defaultWeight} label={t('finder.default')} />
            </datalist>
            <output htmlFor={id}>{n(w.weight)}</output>
            <p id={`${id}-help`} className="slider-help">
              {en ? w.info.descriptionEn : w.info.descriptionDe}{' '}
              <span className={w.weight === w.defaultWeight ? 'slider-default' : 'slider-default changed'}>
                ({t('finder.default')}: {n(w.defaultWeight)})
              </span>
            </p>
          </div>
        );
      })}
      <button type="button" className="button-secondary" onClick={onReset} disabled={!changed}>
        {t('finder.resetWeights')}
      </button>
    </fieldset>
  );
}

WeightSliders.fragments = {
  weight: graphql(`
    fragment WeightSliders_weight on AppliedWeight {
      key
      weight
      defaultWeight
      info {
        key
        labelDe
        labelEn
        descriptionDe
        descriptionEn
      }
    }
  `),
};
