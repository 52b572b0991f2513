import type { DictionaryKind } from '../../api/records';
import { useI18n } from '../../i18n/I18nProvider';
import { useDictionary } from './useDictionary';

/** A value picked from one of the dictionaries (sources, work results, segments); empty means none. */
export function DictionarySelect({
  kind,
  value,
  onChange,
  testId,
  label,
  required,
}: {
  kind: DictionaryKind;
  value: string;
  onChange: (id: string) => void;
  testId: string;
  label?: string;
  required?: boolean;
}) {
  const { t } = useI18n();
  const entries = useDictionary(kind);
  return (
    <select
      data-testid={testId}
      aria-label={label}
      value={value}
      required={required}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('common.none')}</option>
      {entries.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name}
        </option>
      ))}
      {value && !entries.some((e) => e.id === value) && <option value={value}>{value}</option>}
    </select>
  );
}
