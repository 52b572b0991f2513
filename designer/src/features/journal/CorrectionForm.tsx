import { useState, type FormEvent } from 'react';
import { journalApi } from '../../api/journal';
import type { Interaction } from '../../api/records';
import { ErrorText } from '../../app/ErrorText';
import { fromLocalInput, toLocalInput } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { DictionarySelect } from '../shared/DictionarySelect';

/** The author corrects an entry: what happened, the topic, the result, the date of the contact itself. */
export function CorrectionForm({
  entry,
  onSaved,
  onCancel,
}: {
  entry: Interaction;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(entry.text);
  const [topic, setTopic] = useState(entry.topic ?? '');
  const [result, setResult] = useState(entry.result ?? '');
  const [at, setAt] = useState(toLocalInput(entry.at));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await journalApi.correct(entry.id, {
        text: text.trim(),
        topic: topic.trim(),
        // An empty result clears it, as an empty topic does (the server keeps what is left out).
        result,
        at: fromLocalInput(at) ?? undefined,
      });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="interaction-form" onSubmit={send} data-testid="journal-correct-form">
      <div className="form-grid compact">
        <label>
          {t('interaction.at')}
          <input
            type="datetime-local"
            data-testid="correct-at"
            value={at}
            onChange={(e) => setAt(e.target.value)}
          />
        </label>
        <label>
          {t('interaction.topic')}
          <input data-testid="correct-topic" value={topic} onChange={(e) => setTopic(e.target.value)} />
        </label>
        <label>
          {t('interaction.result')}
          <DictionarySelect kind="workResults" testId="correct-result" value={result} onChange={setResult} />
        </label>
      </div>
      <textarea
        rows={3}
        required
        data-testid="correct-text"
        aria-label={t('interaction.text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="row">
        <button type="submit" className="primary small" disabled={busy} data-testid="correct-save">
          {t('common.save')}
        </button>
        <button type="button" className="ghost small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
