import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (call: Call) => { status?: number; body?: unknown } | unknown;

/**
 * Replaces fetch with a router over "METHOD /path" keys (query strings ignored for matching). A handler
 * returns a plain body (200) or {status, body}. Every call is recorded for assertions.
 */
export function mockApi(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input.toString();
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const call: Call = { method, path, body, headers: (init?.headers ?? {}) as Record<string, string> };
    calls.push(call);
    const key = `${method} ${path.split('?')[0]}`;
    const handler = routes[key];
    if (!handler) return new Response(JSON.stringify({ title: 'Not Found' }), { status: 404 });
    const result = handler(call);
    const isShaped =
      result !== null &&
      typeof result === 'object' &&
      typeof (result as { status?: unknown }).status === 'number';
    const status = isShaped ? ((result as { status?: number }).status ?? 200) : 200;
    const payload = isShaped ? (result as { body?: unknown }).body : result;
    return new Response(payload === undefined ? null : JSON.stringify(payload), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

export function signInAs(role: 'admin' | 'manager' | 'head', id = `${role}-1`) {
  localStorage.setItem(
    'crm.auth',
    JSON.stringify({
      accessToken: 'token-123',
      expiresAt: '2099-01-01T00:00:00Z',
      user: { id, name: `The ${role}`, email: `${role}@crm.local`, role, teamId: 'sales' },
    }),
  );
}
