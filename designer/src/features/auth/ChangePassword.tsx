import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http';
import { navigate } from '../../app/router';
import { useI18n } from '../../i18n/I18nProvider';
import { homeFor, useAuth } from './AuthProvider';
import { PasswordField } from './PasswordField';

/** The server's rule (api/Auth/PasswordRules.cs); the server checks it, this only says it up front. */
const MIN_LENGTH = 10;

/** Changing one's password; with `forced`, the only screen a user with a one-time password sees. */
export function ChangePassword({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const { changePassword, signOut } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (next !== repeat) {
      setError(t('password.mismatch'));
      return;
    }
    setBusy(true);
    try {
      const user = await changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      if (forced) navigate(homeFor(user), true);
    } catch (err) {
      setError(err instanceof ApiError ? problemText(err) : t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  const form = (
    <form className="card signin-card" onSubmit={submit} data-testid="password-form">
      <h1>{t('password.title')}</h1>
      {forced && <p data-testid="password-must-change">{t('password.mustChange')}</p>}
      <PasswordField
        label={t('password.current')}
        testId="password-current"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <PasswordField
        label={t('password.new')}
        testId="password-new"
        autoComplete="new-password"
        minLength={MIN_LENGTH}
        value={next}
        onChange={setNext}
      />
      <PasswordField
        label={t('password.repeat')}
        testId="password-repeat"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
      />
      <p className="muted small">{t('password.rules', { min: MIN_LENGTH })}</p>
      {error && (
        <p className="error" role="alert" data-testid="password-error">
          {error}
        </p>
      )}
      {done && <p data-testid="password-done">{t('password.done')}</p>}
      <div className="row space">
        <button className="primary" type="submit" disabled={busy} data-testid="password-submit">
          {t('password.submit')}
        </button>
        {forced && (
          <button type="button" className="ghost small" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        )}
      </div>
    </form>
  );
  return forced ? <div className="signin">{form}</div> : form;
}

/** The field messages of a 400 (current password wrong, new one too weak), else the problem's detail. */
function problemText(err: ApiError): string {
  const errors = err.problem?.errors;
  if (errors && typeof errors === 'object') {
    const messages = Object.values(errors as Record<string, string[]>).flat();
    if (messages.length > 0) return messages.join(' ');
  }
  return err.problem?.detail ?? err.message;
}
