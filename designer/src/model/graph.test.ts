import { describe, expect, it } from 'vitest';
import {
  addActivity,
  addOutcome,
  connect,
  disconnect,
  normalizeDefinition,
  removeActivity,
  removeOutcome,
  renameActivityId,
  renameOutcome,
  toDefinitionJson,
} from './graph';
import { sampleFunnel } from './fixtures';
import { validateDefinition } from './validate';

describe('definition JSON round trip', () => {
  it('normalize then serialize keeps every field, including unknown ones', () => {
    const json = { ...sampleFunnel(), description: 'x', futureField: { a: 1 } };
    json.activities[0] = { ...json.activities[0]!, customSetting: 42 };
    const text = JSON.stringify(json);
    const back = toDefinitionJson(normalizeDefinition(JSON.parse(text)));
    expect(back).toEqual(JSON.parse(text));
  });

  it('fills missing lists', () => {
    const def = normalizeDefinition({ id: 'x', name: 'X' });
    expect(def.activities).toEqual([]);
    expect(def.connections).toEqual([]);
    expect(def.regulations).toEqual([]);
  });

  it('drops undefined keys on serialize', () => {
    const def = sampleFunnel();
    const next = removeOutcome(def, 'paused', 'Resume');
    const json = toDefinitionJson(next);
    expect('returnOutcome' in json.activities[1]!).toBe(false);
  });
});

describe('adding and removing activities', () => {
  it('adds with a unique id, default outcomes and a position', () => {
    const { definition, id } = addActivity(sampleFunnel(), 'Stage', { x: 10.4, y: 20.6 }, 'Proposal');
    expect(id).toBe('proposal-2');
    const a = definition.activities.find((x) => x.id === id)!;
    expect(a.outcomes).toEqual(['Done']);
    expect(a.design).toEqual({ x: 10, y: 21 });
  });

  it('the first non-End activity becomes the start', () => {
    const empty = normalizeDefinition({ id: 'f', name: 'F' });
    const { definition, id } = addActivity(empty, 'Stage', { x: 0, y: 0 });
    expect(definition.start).toBe(id);
  });

  it('End has no outcomes and a result', () => {
    const { definition, id } = addActivity(sampleFunnel(), 'End', { x: 0, y: 0 });
    const a = definition.activities.find((x) => x.id === id)!;
    expect(a.outcomes).toBeUndefined();
    expect(a.result).toBe('won');
  });

  it('removing an activity removes its connections both ways and regulations on it', () => {
    const def = removeActivity(sampleFunnel(), 'proposal');
    expect(def.connections.some((c) => c.source === 'proposal' || c.target === 'proposal')).toBe(false);
    expect(def.regulations).toEqual([]);
    expect(def.connections.every((c) => def.activities.some((a) => a.id === c.target))).toBe(true);
  });

  it('removing the start clears it', () => {
    expect(removeActivity(sampleFunnel(), 'new').start).toBeUndefined();
  });

  it('renaming an id updates connections, start and regulations', () => {
    const def = renameActivityId(sampleFunnel(), 'new', 'intake');
    expect(def.start).toBe('intake');
    expect(def.connections.filter((c) => c.source === 'intake')).toHaveLength(3);
    expect(def.regulations![0]!.startOn).toBe('intake');
    expect(renameActivityId(def, 'intake', 'won')).toBe(def);
  });
});

describe('outcomes keep edges consistent', () => {
  it('renaming an outcome renames its connection and the return outcome', () => {
    let def = renameOutcome(sampleFunnel(), 'new', 'Done', 'Contacts found');
    expect(def.connections).toContainEqual({ source: 'new', outcome: 'Contacts found', target: 'big' });
    expect(def.connections.some((c) => c.source === 'new' && c.outcome === 'Done')).toBe(false);
    def = renameOutcome(def, 'paused', 'Resume', 'Back');
    expect(def.activities.find((a) => a.id === 'paused')!.returnOutcome).toBe('Back');
  });

  it('renaming onto an existing outcome is refused', () => {
    const def = sampleFunnel();
    expect(renameOutcome(def, 'new', 'Done', 'Lost')).toBe(def);
  });

  it('removing an outcome removes its connection', () => {
    const def = removeOutcome(sampleFunnel(), 'new', 'Lost');
    expect(def.connections.some((c) => c.source === 'new' && c.outcome === 'Lost')).toBe(false);
    expect(def.activities[0]!.outcomes).toEqual(['Done', 'Pause']);
  });

  it('adding a duplicate outcome does nothing', () => {
    const def = sampleFunnel();
    expect(addOutcome(def, 'new', 'Done')).toBe(def);
    expect(addOutcome(def, 'new', 'Later').activities[0]!.outcomes).toContain('Later');
  });

  it('connecting an outcome replaces its previous target', () => {
    const def = connect(sampleFunnel(), { source: 'new', outcome: 'Done', target: 'proposal' });
    const fromDone = def.connections.filter((c) => c.source === 'new' && c.outcome === 'Done');
    expect(fromDone).toEqual([{ source: 'new', outcome: 'Done', target: 'proposal' }]);
  });

  it('connecting an unknown outcome or to an unknown target is refused', () => {
    const def = sampleFunnel();
    expect(connect(def, { source: 'new', outcome: 'Nope', target: 'won' })).toBe(def);
    expect(connect(def, { source: 'new', outcome: 'Done', target: 'ghost' })).toBe(def);
  });

  it('disconnect then validate reports the unconnected outcome', () => {
    const def = disconnect(sampleFunnel(), 'proposal', 'Won');
    const codes = validateDefinition(def).map((e) => `${e.activityId}:${e.code}`);
    expect(codes).toContain('proposal:unconnected-outcome');
  });

  it('every edit sequence leaves only connections between existing outcomes', () => {
    let def = sampleFunnel();
    def = removeOutcome(def, 'big', 'False');
    def = removeActivity(def, 'paused');
    def = renameOutcome(def, 'proposal', 'Won', 'Signed');
    for (const c of def.connections) {
      const source = def.activities.find((a) => a.id === c.source);
      expect(source?.outcomes).toContain(c.outcome);
      expect(def.activities.some((a) => a.id === c.target)).toBe(true);
    }
  });
});
