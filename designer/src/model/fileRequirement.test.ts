import { describe, expect, it } from 'vitest';
import { missingData } from './missing';
import { requirementFor, setRequiredFile, toggleRequiredField } from './requirements';

describe('a stage requiring a file', () => {
  it('sets, keeps beside other requirements, and drops the file category', () => {
    const withFile = setRequiredFile(undefined, 'Sent', 'proposal');
    expect(withFile).toEqual({ Sent: { file: 'proposal' } });
    const both = toggleRequiredField(withFile, 'Sent', 'amount', true);
    expect(both).toEqual({ Sent: { file: 'proposal', fields: ['amount'] } });
    expect(requirementFor({ id: 's', type: 'Stage', requires: both }, 'Sent').file).toBe('proposal');
    expect(setRequiredFile(both, 'Sent', null)).toEqual({ Sent: { fields: ['amount'] } });
    // Nothing left: the setting disappears (the server refuses an outcome that requires nothing).
    expect(setRequiredFile(withFile, 'Sent', null)).toBeUndefined();
  });

  it('reads a refused move’s errors.file as a file to upload', () => {
    const items = missingData({ code: 'missing-data', errors: { file: ['Attach the proposal first.'] } })!;
    expect(items).toEqual([{ key: 'file', message: 'Attach the proposal first.', fix: { kind: 'file' } }]);
  });
});
