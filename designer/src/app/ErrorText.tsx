import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';

/** One line for a failed call: the problem's title/detail when the server sent one. */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  let text = t('error.network');
  if (error instanceof ApiError) {
    if (error.status === 403) text = t('error.forbidden');
    else if (error.status === 404) text = t('error.notFound');
    else if (error.status === 409) text = error.problem?.detail ?? t('error.conflict');
    else text = error.problem?.detail ?? error.problem?.title ?? `${t('error.server')} (${error.status})`;
  }
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
