import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints';
import type { InteractionKind } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';

const KINDS: InteractionKind[] = ['call', 'meeting', 'email', 'note'];

export function InteractionForm({ dealId, onSaved }: { dealId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<InteractionKind>('call');
  const [text, setText] = useState('');
  const [result, setResult] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.addInteraction(dealId, {
        kind,
        at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        text: text.trim(),
        result: result.trim() || undefined,
      });
      setText('');
      setResult('');
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="interaction-form" onSubmit={submit} data-testid="interaction-form">
      <div className="row wrap">
        {KINDS.map((k) => (
          <label key={k} className="radio">
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              data-testid={`interaction-kind-${k}`}
              onChange={() => setKind(k)}
            />
            {t(`interaction.${k}`)}
          </label>
        ))}
      </div>
      <textarea
        rows={2}
        required
        data-testid="interaction-text"
        placeholder={t('interaction.text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="row">
        <input
          data-testid="interaction-result"
          placeholder={t('interaction.result')}
          value={result}
          onChange={(e) => setResult(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy} data-testid="interaction-submit">
          {t('interaction.add')}
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
