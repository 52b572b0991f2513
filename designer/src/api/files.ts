import { ApiError, currentToken, request } from './http';

/** Documents attached to deals and clients: the proposal, the contract, an invoice. */
export interface StoredFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
  category?: string | null;
  categoryName?: string | null;
  dealId?: string | null;
  clientId?: string | null;
  uploadedBy: string;
  uploadedByName?: string | null;
  uploadedAt: string;
}

export type FileOwner = { dealId: string } | { clientId: string };

const enc = encodeURIComponent;
const base = (owner: FileOwner) =>
  'dealId' in owner ? `/api/deals/${enc(owner.dealId)}/files` : `/api/clients/${enc(owner.clientId)}/files`;

/** Multipart upload: `request` speaks JSON only, and the browser must set the boundary itself. */
async function upload(owner: FileOwner, file: File, category?: string): Promise<StoredFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (category) form.append('category', category);
  const token = currentToken();
  const response = await fetch(base(owner), {
    method: 'POST',
    headers: token
      ? { Authorization: `Bearer ${token}`, Accept: 'application/json' }
      : { Accept: 'application/json' },
    body: form,
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body as ApiError['problem']);
  return body as StoredFile;
}

export const fileApi = {
  list: (owner: FileOwner) => request<StoredFile[]>('GET', base(owner)),
  upload,
  link: (id: string) => request<{ url: string }>('GET', `/api/files/${enc(id)}/link`),
  remove: (id: string) => request<void>('DELETE', `/api/files/${enc(id)}`),
};
