import { describe, expect, it } from 'vitest';
import { addActivity, removeOutcome, renameOutcome, toDefinitionJson, updateActivity } from './graph';
import {
  removeRequirement,
  renameRequirement,
  requirementFor,
  setInteractionKind,
  toggleInteractionField,
  toggleRequiredField,
  type StageRequires,
} from './requirements';
import { emptyDefinition, findActivity } from './graph';

const meeting = { kind: 'meeting', fields: ['at', 'contact', 'topic', 'result'] };

function stageWith(requires: StageRequires) {
  let { definition: def, id } = addActivity(
    emptyDefinition('f', 'F'),
    'Stage',
    { x: 0, y: 0 },
    'Presentation',
  );
  def = updateActivity(def, id, { outcomes: ['Agreed', 'Objections', 'Lost'], requires });
  return { def, id };
}

describe('requires follows the outcomes', () => {
  it('renaming an outcome renames its key and keeps the order', () => {
    const { def, id } = stageWith({ Agreed: { interaction: meeting }, Objections: { fields: ['amount'] } });
    const next = renameOutcome(def, id, 'Agreed', 'Accepted');
    const requires = findActivity(next, id)!.requires!;
    expect(Object.keys(requires)).toEqual(['Accepted', 'Objections']);
    expect(requires.Accepted).toEqual({ interaction: meeting });
  });

  it('removing an outcome removes its requirement, and the setting when it was the last', () => {
    const { def, id } = stageWith({ Agreed: { interaction: meeting }, Objections: { fields: ['amount'] } });
    const once = removeOutcome(def, id, 'Agreed');
    expect(findActivity(once, id)!.requires).toEqual({ Objections: { fields: ['amount'] } });
    const twice = removeOutcome(once, id, 'Objections');
    expect('requires' in toDefinitionJson(twice).activities[0]!).toBe(false);
  });

  it('leaves a stage without requires alone', () => {
    const { definition: def, id } = addActivity(emptyDefinition('f', 'F'), 'Stage', { x: 0, y: 0 });
    const json = toDefinitionJson(renameOutcome(def, id, 'Done', 'Finished'));
    expect('requires' in json.activities[0]!).toBe(false);
  });

  it('rename and remove are no-ops for outcomes without a requirement', () => {
    const requires = { Agreed: { fields: ['amount'] } };
    expect(renameRequirement(requires, 'Lost', 'Gone')).toBe(requires);
    expect(removeRequirement(requires, 'Lost')).toBe(requires);
  });
});

describe('editing requires', () => {
  it('checks and unchecks deal fields, dropping what becomes empty', () => {
    let r = toggleRequiredField(undefined, 'Sent', 'amount', true);
    r = toggleRequiredField(r, 'Sent', 'source', true);
    expect(r).toEqual({ Sent: { fields: ['amount', 'source'] } });
    r = toggleRequiredField(r, 'Sent', 'amount', false);
    r = toggleRequiredField(r, 'Sent', 'source', false);
    expect(r).toBeUndefined();
  });

  it('keeps fields this editor does not show', () => {
    const r = toggleRequiredField({ Sent: { fields: ['fields.proposalNumber'] } }, 'Sent', 'amount', true);
    expect(r).toEqual({ Sent: { fields: ['fields.proposalNumber', 'amount'] } });
  });

  it('sets the interaction kind, any kind, or none', () => {
    let r = setInteractionKind(undefined, 'Agreed', 'meeting');
    expect(r).toEqual({ Agreed: { interaction: { kind: 'meeting' } } });
    r = toggleInteractionField(r, 'Agreed', 'topic', true);
    r = setInteractionKind(r, 'Agreed', '');
    expect(r).toEqual({ Agreed: { interaction: { fields: ['topic'] } } });
    expect(setInteractionKind(r, 'Agreed', null)).toBeUndefined();
  });

  it('asks interaction fields only once an interaction is required', () => {
    expect(toggleInteractionField(undefined, 'Agreed', 'topic', true)).toBeUndefined();
    const r = toggleInteractionField({ Agreed: { interaction: meeting } }, 'Agreed', 'result', false);
    expect(r).toEqual({ Agreed: { interaction: { kind: 'meeting', fields: ['at', 'contact', 'topic'] } } });
  });

  it('reads one outcome’s requirement', () => {
    const { def, id } = stageWith({ Agreed: { interaction: meeting } });
    expect(requirementFor(findActivity(def, id)!, 'Agreed').interaction?.kind).toBe('meeting');
    expect(requirementFor(findActivity(def, id)!, 'Lost')).toEqual({});
  });
});
