import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { DictionarySelect } from '../shared/DictionarySelect';

/** The fuller way to close an activity: a result from the work-results dictionary and what happened. */
export function CompleteForm({
  busy,
  onSubmit,
}: {
  busy?: boolean;
  onSubmit: (result: string, text?: string) => void;
}) {
  const { t } = useI18n();
  const [result, setResult] = useState('');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (result) onSubmit(result, text.trim() || undefined);
  };
  return (
    <form className="complete-form" data-testid="complete-form" onSubmit={submit}>
      <label>
        {t('diary.result')}
        <DictionarySelect
          kind="workResults"
          testId="complete-result"
          label={t('diary.result')}
          required
          value={result}
          onChange={setResult}
        />
      </label>
      <label>
        {t('diary.text')}
        <textarea
          data-testid="complete-text"
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="primary small"
        disabled={busy || !result}
        data-testid="complete-submit"
      >
        {t('diary.completeSubmit')}
      </button>
    </form>
  );
}
