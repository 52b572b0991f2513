import { useState, type FormEvent } from 'react';
import type { Contact, InteractionKind, NewInteraction } from '../../api/records';
import { ErrorText } from '../../app/ErrorText';
import { fromLocalInput, toLocalInput } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { DictionarySelect } from '../shared/DictionarySelect';

export const KINDS: InteractionKind[] = ['call', 'meeting', 'email', 'note'];

/**
 * Logs a call, meeting, e-mail or note: its date (now when left as is), what happened, a topic, the contact
 * spoken to and a result picked from the work-results dictionary. Used on deals and on clients.
 */
export function InteractionForm({
  contacts,
  submit,
  onSaved,
  initialKind = 'call',
}: {
  contacts: Pick<Contact, 'id' | 'name'>[];
  submit: (interaction: NewInteraction) => Promise<unknown>;
  onSaved: () => void;
  initialKind?: InteractionKind;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<InteractionKind>(initialKind);
  const [at, setAt] = useState(() => toLocalInput(new Date().toISOString()));
  const [text, setText] = useState('');
  const [topic, setTopic] = useState('');
  const [contactId, setContactId] = useState(contacts.length === 1 ? contacts[0]!.id : '');
  const [result, setResult] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await submit({
        kind,
        at: fromLocalInput(at) ?? undefined,
        text: text.trim(),
        topic: topic.trim() || undefined,
        contactId: contactId || undefined,
        result: result || undefined,
      });
      setText('');
      setTopic('');
      setResult('');
      setAt(toLocalInput(new Date().toISOString()));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="interaction-form" onSubmit={send} data-testid="interaction-form">
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
      <div className="form-grid compact">
        <label>
          {t('interaction.at')}
          <input
            type="datetime-local"
            data-testid="interaction-at"
            value={at}
            onChange={(e) => setAt(e.target.value)}
          />
        </label>
        <label>
          {t('interaction.topic')}
          <input data-testid="interaction-topic" value={topic} onChange={(e) => setTopic(e.target.value)} />
        </label>
        <label>
          {t('interaction.contact')}
          <select
            data-testid="interaction-contact"
            value={contactId}
            onChange={(e) => setContactId(e.target.value)}
          >
            <option value="">{t('common.none')}</option>
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('interaction.result')}
          <DictionarySelect
            kind="workResults"
            testId="interaction-result"
            value={result}
            onChange={setResult}
          />
        </label>
      </div>
      <textarea
        rows={2}
        required
        data-testid="interaction-text"
        aria-label={t('interaction.text')}
        placeholder={t('interaction.text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={busy} data-testid="interaction-submit">
          {t('interaction.add')}
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
