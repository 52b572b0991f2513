import { useState } from 'react';
import { fileApi, type FileOwner, type StoredFile } from '../../api/files';
import { ErrorText } from '../../app/ErrorText';
import { formatTime } from '../../app/format';
import { useAsync } from '../../app/useAsync';
import { useI18n } from '../../i18n/I18nProvider';
import { nameIn, useDictionary } from '../shared/useDictionary';
import { FileUpload } from './FileUpload';
import { formatSize } from './fileSize';

/** Opens a signed link: the browser downloads it (the server sends it as an attachment). */
export function openLink(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  a.setAttribute('download', '');
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** The files of a deal or a client: name, size, category, who and when; upload, download, delete. */
export function FilesSection({ owner, revision }: { owner: FileOwner; revision?: unknown }) {
  const { t, lang } = useI18n();
  const [tick, setTick] = useState(0);
  const { data, error } = useAsync(() => fileApi.list(owner), [tick, revision]);
  const categories = useDictionary('fileCategories');
  const [actionError, setActionError] = useState<unknown>();
  const reload = () => setTick((n) => n + 1);
  const act = async (call: () => Promise<void>) => {
    setActionError(undefined);
    try {
      await call();
    } catch (err) {
      setActionError(err);
    }
  };
  const download = (f: StoredFile) => act(async () => openLink((await fileApi.link(f.id)).url));
  const remove = (f: StoredFile) =>
    act(async () => {
      await fileApi.remove(f.id);
      reload();
    });

  return (
    <section className="card files" data-testid="files">
      <h2>{t('files.title')}</h2>
      <FileUpload owner={owner} onUploaded={reload} />
      <ErrorText error={error ?? actionError} />
      {data && data.length === 0 && <p className="muted">{t('files.none')}</p>}
      <ul className="record-list" data-testid="file-list">
        {(data ?? []).map((f) => (
          <li key={f.id} data-testid={`file-${f.id}`}>
            <div className="row wrap space">
              <button
                type="button"
                className="link"
                data-testid="file-download"
                onClick={() => void download(f)}
              >
                {f.name}
              </button>
              <span className="small muted" data-testid="file-size">
                {formatSize(f.size, lang)}
              </span>
            </div>
            <div className="row wrap space small muted">
              <span>
                {[
                  f.categoryName ?? (f.category && nameIn(categories, f.category)),
                  f.uploadedByName ?? f.uploadedBy,
                  formatTime(f.uploadedAt, lang),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <button
                type="button"
                className="ghost small"
                data-testid="file-delete"
                onClick={() => void remove(f)}
              >
                {t('common.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
