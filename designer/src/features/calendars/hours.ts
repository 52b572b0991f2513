import type { TimeRange } from '../../api/types';

/** "09:00-13:00, 14:00-18:00" ↔ [{from, to}, …]; returns null when the text does not parse. */
export function parseHours(text: string): TimeRange[] | null {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: TimeRange[] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(p);
    if (!m) return null;
    const from = `${m[1]!.padStart(2, '0')}:${m[2]}`;
    const to = `${m[3]!.padStart(2, '0')}:${m[4]}`;
    if (Number(m[1]) > 24 || Number(m[3]) > 24 || Number(m[2]) > 59 || Number(m[4]) > 59) return null;
    out.push({ from, to });
  }
  return out;
}

export function formatHours(ranges: TimeRange[] | undefined): string {
  return (ranges ?? []).map((r) => `${r.from}-${r.to}`).join(', ');
}
