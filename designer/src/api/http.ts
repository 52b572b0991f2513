import type { AuthResponse } from './types';

/** A failed API call, with the RFC 9457 problem body when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.title ?? problem?.detail ?? `HTTP ${status}`);
  }
}

export interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
  errors?: unknown;
  [key: string]: unknown;
}

const STORAGE_KEY = 'crm.auth';

export function loadSession(): AuthResponse | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as AuthResponse;
    if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: AuthResponse | null): void {
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
}

export function currentToken(): string | null {
  return loadSession()?.accessToken ?? null;
}

let onUnauthorized: () => void = () => {};
/** The auth provider registers how a 401 sends the user back to sign-in. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sign-in itself must not bounce to sign-in on 401. */
  anonymous?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = options.anonymous ? null : currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(withQuery(path, options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (response.status === 401 && !options.anonymous) onUnauthorized();
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as Problem) : null;
  } catch {
    return null;
  }
}

/** Fetches a file with the bearer token and hands it to the browser as a download. */
export async function download(path: string, query: Query, fallbackName: string): Promise<void> {
  const token = currentToken();
  const response = await fetch(withQuery(path, query), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (response.status === 401) onUnauthorized();
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
