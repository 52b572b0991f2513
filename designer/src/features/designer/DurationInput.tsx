import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { fromSimple, isValidDuration, toSimple, type DurationUnit } from '../../model/duration';

/**
 * Working time as "number + unit" (minutes, working hours, working days). A duration that mixes units
 * (P1DT2H) is edited as raw ISO text instead, so nothing the server accepts is lost.
 */
export function DurationInput({
  value,
  onChange,
  testId,
  allowZero = false,
  disabled,
}: {
  value: string | undefined;
  onChange: (iso: string) => void;
  testId: string;
  allowZero?: boolean;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const simple = toSimple(value);
  const [raw, setRaw] = useState(value ?? '');
  const [unit, setUnit] = useState<DurationUnit>(simple?.unit ?? 'hours');
  const invalid = value !== undefined && value !== '' && !isValidDuration(value, allowZero);

  if (value && !simple) {
    return (
      <span className="duration-input">
        <input
          data-testid={`${testId}-iso`}
          value={raw}
          disabled={disabled}
          className={invalid ? 'invalid' : ''}
          onChange={(e) => {
            setRaw(e.target.value);
            onChange(e.target.value.trim().toUpperCase());
          }}
        />
      </span>
    );
  }
  const amount = simple?.amount ?? '';
  const currentUnit = simple?.unit ?? unit;
  return (
    <span className="duration-input">
      <input
        type="number"
        min={0}
        step="any"
        data-testid={`${testId}-amount`}
        value={amount}
        disabled={disabled}
        className={invalid ? 'invalid' : ''}
        onChange={(e) =>
          onChange(
            e.target.value === '' ? '' : fromSimple({ amount: Number(e.target.value), unit: currentUnit }),
          )
        }
      />
      <select
        data-testid={`${testId}-unit`}
        value={currentUnit}
        disabled={disabled}
        onChange={(e) => {
          const next = e.target.value as DurationUnit;
          setUnit(next);
          if (simple) onChange(fromSimple({ amount: simple.amount, unit: next }));
        }}
      >
        <option value="seconds">{t('unit.seconds')}</option>
        <option value="minutes">{t('unit.minutes')}</option>
        <option value="hours">{t('unit.hours')}</option>
        <option value="days">{t('unit.days')}</option>
      </select>
    </span>
  );
}
