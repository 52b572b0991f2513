import { useI18n } from '../i18n/I18nProvider';

export function LangSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <button
      type="button"
      className="ghost small"
      data-testid="lang-switch"
      onClick={() => setLang(lang === 'ru' ? 'en' : 'ru')}
      title={lang === 'ru' ? 'English' : 'Русский'}
    >
      {lang === 'ru' ? 'EN' : 'RU'}
    </button>
  );
}
