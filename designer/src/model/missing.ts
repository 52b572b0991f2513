/**
 * A move refused with 400 `missing-data` names what is missing in its `errors`, keyed by what it is:
 * `amount`, `source`, `fields.<name>`, `nextStep`, `client`, `contact`, `title`, `interaction` (none was
 * logged), `interaction.<field>` (the one logged lacks that field) or `file` (a required document is not
 * attached). This sorts them by how to fix them.
 */
export type MissingFix =
  | { kind: 'amount' }
  | { kind: 'source' }
  | { kind: 'title' }
  | { kind: 'customField'; name: string }
  | { kind: 'nextStep' }
  | { kind: 'interaction' }
  | { kind: 'interactionField'; field: string }
  | { kind: 'file' }
  | { kind: 'other' };

export interface MissingItem {
  key: string;
  message: string;
  fix: MissingFix;
}

export function fixFor(key: string): MissingFix {
  if (key === 'amount' || key === 'source' || key === 'title' || key === 'nextStep' || key === 'interaction')
    return { kind: key };
  if (key === 'file' || key.startsWith('file.')) return { kind: 'file' };
  if (key.startsWith('fields.') && key.length > 'fields.'.length)
    return { kind: 'customField', name: key.slice('fields.'.length) };
  if (key.startsWith('interaction.'))
    return { kind: 'interactionField', field: key.slice('interaction.'.length) };
  return { kind: 'other' };
}

/** The missing items of a `missing-data` problem, in the server's order; null for any other problem. */
export function missingData(problem: unknown): MissingItem[] | null {
  if (!problem || typeof problem !== 'object') return null;
  const p = problem as { code?: unknown; errors?: unknown };
  if (p.code !== 'missing-data' || !p.errors || typeof p.errors !== 'object' || Array.isArray(p.errors))
    return null;
  return Object.entries(p.errors as Record<string, unknown>).map(([key, value]) => ({
    key,
    message: Array.isArray(value) ? value.map(String).join(' ') : String(value ?? ''),
    fix: fixFor(key),
  }));
}

/** Whether fixing these needs an interaction logged on the deal (not something the move dialog can fill in). */
export function needsInteraction(items: MissingItem[]): boolean {
  return items.some((i) => i.fix.kind === 'interaction' || i.fix.kind === 'interactionField');
}

/** The interaction fields to mention in the hint: those named as missing, or all asked when none was logged. */
export function missingInteractionFields(items: MissingItem[], asked: string[] = []): string[] {
  const named = items.flatMap((i) => (i.fix.kind === 'interactionField' ? [i.fix.field] : []));
  return items.some((i) => i.fix.kind === 'interaction') ? [...new Set([...asked, ...named])] : named;
}
