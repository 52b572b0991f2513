import { useI18n } from '../../i18n/I18nProvider';
import type { ContactDraft } from './contactInput';

/** Name, position, phones, e-mails and birthday of one contact; test ids start with `prefix`. */
export function ContactFields({
  value,
  onChange,
  prefix,
  nameRequired,
}: {
  value: ContactDraft;
  onChange: (next: ContactDraft) => void;
  prefix: string;
  nameRequired?: boolean;
}) {
  const { t } = useI18n();
  const set = (key: keyof ContactDraft) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  return (
    <>
      <label>
        {t('contact.name')}
        <input
          data-testid={`${prefix}-name`}
          required={nameRequired}
          value={value.name}
          onChange={set('name')}
        />
      </label>
      <label>
        {t('contact.position')}
        <input data-testid={`${prefix}-position`} value={value.position} onChange={set('position')} />
      </label>
      <label>
        {t('contact.phones')}
        <input
          type="tel"
          data-testid={`${prefix}-phone`}
          placeholder="+7 495 123 45 67"
          value={value.phones}
          onChange={set('phones')}
        />
      </label>
      <label>
        {t('contact.emails')}
        <input data-testid={`${prefix}-email`} value={value.emails} onChange={set('emails')} />
      </label>
      <label>
        {t('contact.birthday')}
        <input
          type="date"
          data-testid={`${prefix}-birthday`}
          value={value.birthday}
          onChange={set('birthday')}
        />
      </label>
    </>
  );
}
