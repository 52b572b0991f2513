import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, record, redo, undo } from './history';

describe('undo/redo', () => {
  it('undoes and redoes in order', () => {
    let h = createHistory(1);
    h = record(h, 2);
    h = record(h, 3);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe(2);
    expect(canRedo(h)).toBe(true);
  });

  it('a new edit after undo drops the redo branch', () => {
    let h = record(record(createHistory('a'), 'b'), 'c');
    h = record(undo(h), 'd');
    expect(h.present).toBe('d');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('coalesces consecutive edits with the same key', () => {
    let h = createHistory('');
    h = record(h, 'H', 'name');
    h = record(h, 'He', 'name');
    h = record(h, 'Hey', 'name');
    h = record(h, 'Hey!', 'other');
    expect(undo(h).present).toBe('Hey');
    expect(undo(undo(h)).present).toBe('');
  });

  it('undo on an empty history is a no-op', () => {
    const h = createHistory(0);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });
});
