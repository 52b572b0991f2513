import { ApiError } from '../../api/http';

/**
 * What to tell the user about a refused upload: the server's own words for a bad file (400 `errors.file`) or a
 * too-big one (413), when it sent any; null to fall back to the generic error line.
 */
export function uploadProblem(error: unknown): { status: number; message: string | null } | null {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 413)) return null;
  const errors = error.problem?.errors as Record<string, unknown> | undefined;
  const own = errors && typeof errors === 'object' ? (errors.file ?? errors.category) : undefined;
  const text = Array.isArray(own) ? own.map(String).join(' ') : own ? String(own) : null;
  return { status: error.status, message: text ?? error.problem?.detail ?? null };
}
