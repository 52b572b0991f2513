import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http';
import { navigate } from '../../app/router';
import { useI18n } from '../../i18n/I18nProvider';
import { LangSwitch } from '../../app/LangSwitch';
import { homeFor, useAuth } from './AuthProvider';
import { PasswordField } from './PasswordField';

export function SignIn() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(email.trim(), password);
      navigate(homeFor(user), true);
    } catch (err) {
      setError(
        err instanceof ApiError && (err.status === 401 || err.status === 400)
          ? t('signin.bad')
          : err instanceof ApiError && err.status === 429
            ? t('signin.tooMany')
            : t('error.network'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <form className="card signin-card" onSubmit={submit} data-testid="signin-form">
        <div className="row space">
          <h1>Crm</h1>
          <LangSwitch />
        </div>
        <label>
          {t('signin.email')}
          <input
            data-testid="signin-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <PasswordField
          label={t('signin.password')}
          testId="signin-password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {error && (
          <p className="error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button className="primary" type="submit" disabled={busy} data-testid="signin-submit">
          {t('signin.submit')}
        </button>
      </form>
    </div>
  );
}
