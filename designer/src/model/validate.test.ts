import { describe, expect, it } from 'vitest';
import { sampleFunnel } from './fixtures';
import { removeActivity, updateActivity } from './graph';
import type { WorkflowDefinition } from './types';
import { groupErrors, validateDefinition } from './validate';

const codes = (def: WorkflowDefinition) =>
  validateDefinition(def).map((e) => `${e.activityId ?? '-'}:${e.code}`);

describe('client-side validation', () => {
  it('the sample funnel is valid', () => {
    expect(validateDefinition(sampleFunnel())).toEqual([]);
  });

  it('missing start', () => {
    expect(codes({ ...sampleFunnel(), start: undefined })).toContain('-:missing-start');
    expect(codes({ ...sampleFunnel(), start: 'ghost' })).toContain('-:missing-start');
  });

  it('connection to nowhere', () => {
    const def = sampleFunnel();
    def.connections.push({ source: 'proposal', outcome: 'Won', target: 'ghost' });
    expect(codes(def)).toContain('proposal:connection-to-nowhere');
    expect(codes(def)).toContain('proposal:duplicate-connection');
  });

  it('connection from nowhere and unknown outcome', () => {
    const def = sampleFunnel();
    def.connections.push({ source: 'ghost', outcome: 'X', target: 'won' });
    def.connections.push({ source: 'proposal', outcome: 'Maybe', target: 'won' });
    expect(codes(def)).toContain('-:connection-from-nowhere');
    expect(codes(def)).toContain('proposal:unknown-outcome');
  });

  it('unconnected outcome, except a pausing stage’s return outcome', () => {
    const def = sampleFunnel();
    def.connections = def.connections.filter((c) => !(c.source === 'big' && c.outcome === 'False'));
    const found = codes(def);
    expect(found).toContain('big:unconnected-outcome');
    expect(found).not.toContain('paused:unconnected-outcome');
  });

  it('a return outcome on a stage that does not pause clocks is a bad setting', () => {
    const def = updateActivity(sampleFunnel(), 'paused', { pausesClocks: false });
    expect(codes(def)).toContain('paused:bad-setting');
    expect(codes(def)).toContain('paused:unconnected-outcome');
  });

  it('unreachable', () => {
    const def = sampleFunnel();
    def.activities.push({ id: 'orphan', type: 'Stage', outcomes: ['Done'] });
    def.connections.push({ source: 'orphan', outcome: 'Done', target: 'won' });
    expect(codes(def)).toEqual(['orphan:unreachable']);
  });

  it('no path to end', () => {
    const def = sampleFunnel();
    def.activities.push({ id: 'loop', type: 'Stage', outcomes: ['Again'] });
    def.connections = def.connections.map((c) =>
      c.source === 'big' && c.outcome === 'False' ? { ...c, target: 'loop' } : c,
    );
    def.connections.push({ source: 'loop', outcome: 'Again', target: 'loop' });
    expect(codes(def)).toContain('loop:no-path-to-end');
    expect(codes(def)).not.toContain('new:no-path-to-end');
  });

  it('a paused stage reaches the end through its return outcome', () => {
    let def = sampleFunnel();
    def.connections = def.connections.filter((c) => !(c.source === 'paused' && c.outcome === 'Lost'));
    def = updateActivity(def, 'paused', { outcomes: ['Resume'] });
    expect(codes(def)).not.toContain('paused:no-path-to-end');
  });

  it('bad durations and conditions', () => {
    let def = updateActivity(sampleFunnel(), 'new', { regulation: { duration: '4 hours' } });
    def = updateActivity(def, 'big', { condition: 'deal.amount >= ' });
    expect(codes(def)).toContain('new:bad-duration');
    expect(codes(def)).toContain('big:bad-condition');
  });

  it('regulations on unknown stages', () => {
    const def = removeActivity(sampleFunnel(), 'won');
    def.regulations = [{ id: 'r', startOn: 'new', stopOn: 'ghost', duration: 'PT1H' }];
    expect(codes(def)).toContain('r:unknown-stage');
  });

  it('a loop of decisions is refused', () => {
    const def = sampleFunnel();
    def.activities.push({ id: 'd2', type: 'Decision', condition: 'true', outcomes: ['True', 'False'] });
    def.connections = def.connections.map((c) =>
      c.source === 'big' && c.outcome === 'False' ? { ...c, target: 'd2' } : c,
    );
    def.connections.push({ source: 'd2', outcome: 'True', target: 'big' });
    def.connections.push({ source: 'd2', outcome: 'False', target: 'proposal' });
    expect(codes(def)).toContain('d2:decision-loop');
    expect(codes(def)).toContain('big:decision-loop');
  });

  it('groups errors by node and puts the rest in the banner', () => {
    const { byActivity, general } = groupErrors(
      [
        { activityId: 'new', code: 'x', message: 'a' },
        { activityId: null, code: 'y', message: 'b' },
        { activityId: 'request-to-proposal', code: 'z', message: 'c' },
      ],
      ['new', 'won'],
    );
    expect(byActivity.get('new')).toHaveLength(1);
    expect(general.map((e) => e.code)).toEqual(['y', 'z']);
  });
});

describe('regulation warnings', () => {
  it('flags a warning as long as the deadline, as the server does', () => {
    const def: WorkflowDefinition = {
      id: 'w',
      name: 'w',
      start: 'a',
      activities: [
        { id: 'a', type: 'Stage', outcomes: ['Done'], regulation: { duration: 'PT5S', warnBefore: 'PT1H' } },
        { id: 'e', type: 'End', result: 'won' },
      ],
      connections: [{ source: 'a', outcome: 'Done', target: 'e' }],
    };
    expect(validateDefinition(def).map((e) => e.code)).toContain('bad-duration');
    def.activities[0]!.regulation = { duration: 'PT5S', warnBefore: 'PT2S' };
    expect(validateDefinition(def)).toEqual([]);
  });
});
