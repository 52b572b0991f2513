// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredFile } from '../../api/files';
import { I18nProvider } from '../../i18n/I18nProvider';
import { mockApi, signInAs } from '../../test/mockApi';
import { clearDictionaries } from '../shared/useDictionary';
import { FilesSection } from './FilesSection';

const stored = (id: string, extra: Partial<StoredFile> = {}): StoredFile => ({
  id,
  name: `${id}.pdf`,
  size: 3_355_443,
  contentType: 'application/pdf',
  category: 'proposal',
  dealId: 'd1',
  uploadedBy: 'anna',
  uploadedByName: 'Анна Петрова',
  uploadedAt: '2027-03-01T09:00:00Z',
  ...extra,
});

function renderFiles(routes: Parameters<typeof mockApi>[0]) {
  signInAs('manager', 'anna');
  const api = mockApi({
    'GET /api/dictionaries/fileCategories': () => [
      { id: 'proposal', name: 'Коммерческое предложение' },
      { id: 'contract', name: 'Договор' },
    ],
    ...routes,
  });
  render(
    <I18nProvider initial="ru">
      <FilesSection owner={{ dealId: 'd1' }} />
    </I18nProvider>,
  );
  return api;
}
const pick = (name: string) => {
  const file = new File(['%PDF-1.4'], name, { type: 'application/pdf' });
  fireEvent.change(screen.getByTestId('file-upload-input'), { target: { files: [file] } });
  return file;
};

beforeEach(() => clearDictionaries());
afterEach(() => vi.restoreAllMocks());

describe('files', () => {
  it('lists name, size in Russian units, category, who and when', async () => {
    renderFiles({
      'GET /api/deals/d1/files': () => [stored('kp'), stored('note', { size: 12_800, category: null })],
    });
    const row = await screen.findByTestId('file-kp');
    expect(within(row).getByTestId('file-size').textContent).toBe('3,2 МБ');
    await waitFor(() => expect(row.textContent).toContain('Коммерческое предложение'));
    expect(row.textContent).toContain('Анна Петрова');
    expect(within(screen.getByTestId('file-note')).getByTestId('file-size').textContent).toBe('13 КБ');
  });

  it('uploads the picked file as multipart with its category, then lists it', async () => {
    let files: StoredFile[] = [];
    const { fetchMock } = renderFiles({
      'GET /api/deals/d1/files': () => files,
      'POST /api/deals/d1/files': () => {
        files = [stored('kp')];
        return { status: 201, body: files[0] };
      },
    });
    await screen.findByText('Файлов пока нет');
    await waitFor(() => expect(screen.getByTestId('file-upload-category').textContent).toContain('Договор'));
    fireEvent.change(screen.getByTestId('file-upload-category'), { target: { value: 'contract' } });
    const file = pick('kp.pdf');
    fireEvent.click(screen.getByTestId('file-upload-submit'));
    await screen.findByTestId('file-kp');
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(url).toBe('/api/deals/d1/files');
    const form = init!.body as FormData;
    expect(form.get('file')).toBeInstanceOf(File);
    expect((form.get('file') as File).name).toBe(file.name);
    expect(form.get('category')).toBe('contract');
    expect((init!.headers as Record<string, string>).Authorization).toBe('Bearer token-123');
    // The browser sets the multipart boundary itself.
    expect((init!.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('shows the server’s words for a refused type (400) and a too-big file (413)', async () => {
    let answer = 400;
    renderFiles({
      'GET /api/deals/d1/files': () => [],
      'POST /api/deals/d1/files': () =>
        answer === 400
          ? {
              status: 400,
              body: {
                title: 'The request is not valid.',
                errors: { file: ['Only PDF, Word, Excel, images, text and CSV files are accepted.'] },
              },
            }
          : { status: 413, body: { title: 'Too large', detail: 'The file is larger than 20 MB.' } },
    });
    pick('virus.exe');
    fireEvent.click(screen.getByTestId('file-upload-submit'));
    expect((await screen.findByTestId('file-upload-error')).textContent).toBe(
      'Only PDF, Word, Excel, images, text and CSV files are accepted.',
    );
    answer = 413;
    pick('huge.pdf');
    fireEvent.click(screen.getByTestId('file-upload-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('file-upload-error').textContent).toBe('The file is larger than 20 MB.'),
    );
  });

  it('downloads through a fresh signed link, and deletes', async () => {
    let files = [stored('kp')];
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href')!);
    });
    const { calls } = renderFiles({
      'GET /api/deals/d1/files': () => files,
      'GET /api/files/kp/link': () => ({ url: '/api/files/kp/content?sig=abc' }),
      'DELETE /api/files/kp': () => {
        files = [];
        return { status: 204 };
      },
    });
    fireEvent.click(await screen.findByTestId('file-download'));
    await waitFor(() => expect(clicked).toEqual(['/api/files/kp/content?sig=abc']));
    fireEvent.click(screen.getByTestId('file-delete'));
    await waitFor(() => expect(screen.queryByTestId('file-kp')).toBeNull());
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/files/kp')).toBe(true);
  });
});
