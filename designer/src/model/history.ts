/**
 * Undo/redo over immutable snapshots. Consecutive edits with the same `coalesce` key (typing in one
 * field, dragging one node) merge into one step, so Ctrl+Z undoes a whole word or a whole drag.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  lastKey?: string;
}

export const HISTORY_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function record<T>(h: History<T>, next: T, coalesce?: string): History<T> {
  if (Object.is(next, h.present)) return h;
  if (coalesce && coalesce === h.lastKey && h.future.length === 0) {
    return { ...h, present: next };
  }
  const past = [...h.past, h.present];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, present: next, future: [], lastKey: coalesce };
}

export function undo<T>(h: History<T>): History<T> {
  if (!h.past.length) return h;
  const previous = h.past[h.past.length - 1]!;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (!h.future.length) return h;
  const [next, ...rest] = h.future;
  return { past: [...h.past, h.present], present: next!, future: rest };
}

/** Replaces the present without an undo step (e.g. after loading from the server). */
export function reset<T>(present: T): History<T> {
  return createHistory(present);
}

export const canUndo = <T>(h: History<T>) => h.past.length > 0;
export const canRedo = <T>(h: History<T>) => h.future.length > 0;
