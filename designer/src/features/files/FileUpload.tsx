import { useRef, useState, type FormEvent } from 'react';
import { fileApi, type FileOwner, type StoredFile } from '../../api/files';
import { ErrorText } from '../../app/ErrorText';
import { useI18n } from '../../i18n/I18nProvider';
import { DictionarySelect } from '../shared/DictionarySelect';
import { uploadProblem } from './fileErrors';

/** Pick a category and a file, send it; the server's 400/413 words are shown as they are. */
export function FileUpload({
  owner,
  initialCategory = '',
  lockCategory = false,
  onUploaded,
  testId = 'file-upload',
}: {
  owner: FileOwner;
  initialCategory?: string;
  /** A move asks for a file of one category: no other will do. */
  lockCategory?: boolean;
  onUploaded: (file: StoredFile) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [category, setCategory] = useState(initialCategory);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const stored = await fileApi.upload(owner, file, category || undefined);
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded(stored);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const refused = uploadProblem(error);
  return (
    <form className="row wrap file-upload" onSubmit={send} data-testid={testId}>
      {!lockCategory && (
        <label className="row">
          <span className="small muted">{t('files.category')}</span>
          <DictionarySelect
            kind="fileCategories"
            testId={`${testId}-category`}
            value={category}
            onChange={setCategory}
          />
        </label>
      )}
      <input
        ref={input}
        type="file"
        data-testid={`${testId}-input`}
        aria-label={t('files.choose')}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <button
        type="submit"
        className="primary small"
        disabled={busy || !file}
        data-testid={`${testId}-submit`}
      >
        {busy ? t('files.uploading') : t('files.upload')}
      </button>
      {refused ? (
        <p className="error" role="alert" data-testid={`${testId}-error`}>
          {refused.message ?? (refused.status === 413 ? t('files.tooBig') : t('files.refused'))}
        </p>
      ) : (
        <ErrorText error={error} />
      )}
    </form>
  );
}
