import { ApiError } from '../../api/http';
import type { ValidationError } from '../../model/types';

/**
 * Reads validation errors out of a 400 problem: the contract's `[{activityId, code, message}]`, or the
 * ASP.NET default `{field: [messages]}` dictionary, which then goes to the banner.
 */
export function problemErrors(error: unknown): ValidationError[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const raw = error.problem?.errors;
  if (Array.isArray(raw)) {
    return raw.map((e: Record<string, unknown>) => ({
      activityId: (e.activityId as string | null | undefined) ?? null,
      code: String(e.code ?? 'invalid'),
      message: String(e.message ?? ''),
    }));
  }
  if (raw && typeof raw === 'object') {
    return Object.entries(raw as Record<string, unknown>).flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((m) => ({
        activityId: null,
        code: key,
        message: String(m),
      })),
    );
  }
  return [
    {
      activityId: null,
      code: 'invalid',
      message: error.problem?.detail ?? error.problem?.title ?? 'Bad request',
    },
  ];
}

/** Client and server errors together, without repeating the same (activity, code, message). */
export function mergeErrors(a: ValidationError[], b: ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  const out: ValidationError[] = [];
  for (const e of [...b, ...a]) {
    const key = `${e.activityId ?? ''}|${e.code}|${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
