import { checkCondition } from './condition';
import { isValidDuration, parseDuration, totalSeconds } from './duration';
import { ACTIVITY_TYPES, type Activity, type ValidationError, type WorkflowDefinition } from './types';

/**
 * Client-side validation mirroring the server's codes (engine/Definitions/ValidationCodes.cs), so the canvas
 * shows problems before a round trip. The server stays the judge: its answer replaces these on save/validate.
 */
export const CODES = {
  duplicateId: 'duplicate-id',
  missingId: 'missing-id',
  missingStart: 'missing-start',
  connectionToNowhere: 'connection-to-nowhere',
  connectionFromNowhere: 'connection-from-nowhere',
  unknownOutcome: 'unknown-outcome',
  duplicateConnection: 'duplicate-connection',
  unconnectedOutcome: 'unconnected-outcome',
  unreachable: 'unreachable',
  noPathToEnd: 'no-path-to-end',
  badDuration: 'bad-duration',
  badCondition: 'bad-condition',
  unknownStage: 'unknown-stage',
  badSetting: 'bad-setting',
  noOutcomes: 'no-outcomes',
  decisionLoop: 'decision-loop',
} as const;

const KNOWN = new Set<string>(ACTIVITY_TYPES);
/** Activities that act and move on at once; a cycle made only of them would spin forever. */
const INSTANT = new Set(['Decision', 'Notify', 'Assign']);

export function validateDefinition(def: WorkflowDefinition): ValidationError[] {
  const errors: ValidationError[] = [];
  const add = (activityId: string | null, code: string, message: string) =>
    errors.push({ activityId, code, message });
  const byId = new Map<string, Activity>();

  for (const a of def.activities) {
    if (!a.id || !a.id.trim()) {
      add(null, CODES.missingId, `An activity of type ${a.type} has no id`);
      continue;
    }
    if (byId.has(a.id)) add(a.id, CODES.duplicateId, `The id '${a.id}' is used twice`);
    else byId.set(a.id, a);
  }

  if (!def.start) add(null, CODES.missingStart, 'The funnel has no start activity');
  else if (!byId.has(def.start)) add(null, CODES.missingStart, `The start '${def.start}' is not an activity`);

  const seen = new Set<string>();
  for (const c of def.connections) {
    const source = byId.get(c.source);
    if (!source) {
      add(null, CODES.connectionFromNowhere, `A connection starts at unknown '${c.source}'`);
      continue;
    }
    if (!byId.has(c.target))
      add(c.source, CODES.connectionToNowhere, `Outcome '${c.outcome}' leads to unknown '${c.target}'`);
    if (!(source.outcomes ?? []).includes(c.outcome))
      add(c.source, CODES.unknownOutcome, `'${c.outcome}' is not an outcome of '${c.source}'`);
    const key = `${c.source}\u0000${c.outcome}`;
    if (seen.has(key)) add(c.source, CODES.duplicateConnection, `Outcome '${c.outcome}' is connected twice`);
    seen.add(key);
  }

  for (const a of byId.values()) validateActivity(a, seen, add);
  validateRegulations(def, byId, add);
  validateGraph(def, byId, add);
  return errors;
}

type Add = (activityId: string | null, code: string, message: string) => void;

function validateActivity(a: Activity, connected: Set<string>, add: Add): void {
  const outcomes = a.outcomes ?? [];
  if (KNOWN.has(a.type) && a.type !== 'End' && outcomes.length === 0)
    add(a.id, CODES.noOutcomes, `'${a.id}' has no outcomes`);
  for (const o of outcomes) {
    const isReturn = a.pausesClocks && a.returnOutcome === o;
    if (!isReturn && !connected.has(`${a.id}\u0000${o}`))
      add(a.id, CODES.unconnectedOutcome, `Outcome '${o}' of '${a.id}' leads nowhere`);
  }
  if (a.returnOutcome !== undefined) {
    if (!a.pausesClocks) add(a.id, CODES.badSetting, 'A return outcome needs a stage that pauses clocks');
    else if (!outcomes.includes(a.returnOutcome))
      add(a.id, CODES.badSetting, `Return outcome '${a.returnOutcome}' is not an outcome`);
  }
  const reg = a.regulation;
  if (reg) {
    if (!isValidDuration(reg.duration))
      add(a.id, CODES.badDuration, `Bad regulation duration '${reg.duration ?? ''}'`);
    if (reg.warnBefore !== undefined && reg.warnBefore !== '' && !isValidDuration(reg.warnBefore))
      add(a.id, CODES.badDuration, `Bad warning time '${reg.warnBefore}'`);
    else if (warnsTooEarly(reg.duration, reg.warnBefore))
      add(
        a.id,
        CODES.badDuration,
        `The warning (${reg.warnBefore}) must be shorter than the deadline (${reg.duration})`,
      );
    for (const e of reg.escalations ?? []) {
      if (!isValidDuration(e.after, true)) add(a.id, CODES.badDuration, `Bad escalation delay '${e.after}'`);
      if (e.notify !== 'owner' && e.notify !== 'head')
        add(a.id, CODES.badSetting, `Escalation must notify 'owner' or 'head'`);
    }
  }
  switch (a.type) {
    case 'Decision': {
      const problem = checkCondition(a.condition);
      if (problem)
        add(a.id, CODES.badCondition, `Condition: ${problem.message} (at ${problem.position + 1})`);
      break;
    }
    case 'Timer':
      if (a.until !== 'nextStep' && !isValidDuration(a.duration))
        add(a.id, CODES.badDuration, `Timer needs a duration or until: nextStep`);
      break;
    case 'Notify':
      if (a.notify !== 'owner' && a.notify !== 'head')
        add(a.id, CODES.badSetting, `Notify 'owner' or 'head'`);
      break;
    case 'Assign':
      if (!['roundRobin', 'user', 'queue'].includes(a.strategy ?? ''))
        add(a.id, CODES.badSetting, 'Assign needs a strategy');
      else if (a.strategy === 'user' && !a.userId)
        add(a.id, CODES.badSetting, 'Assign to a user needs a userId');
      break;
    case 'End':
      if (a.result !== 'won' && a.result !== 'lost')
        add(a.id, CODES.badSetting, `End result must be won or lost`);
      break;
  }
}

function validateRegulations(def: WorkflowDefinition, byId: Map<string, Activity>, add: Add): void {
  for (const r of def.regulations ?? []) {
    for (const ref of [r.startOn, r.stopOn]) {
      const target = byId.get(ref);
      if (!target || target.type !== 'Stage')
        add(r.id, CODES.unknownStage, `Regulation '${r.name ?? r.id}' refers to unknown stage '${ref}'`);
    }
    if (!isValidDuration(r.duration))
      add(r.id, CODES.badDuration, `Regulation '${r.name ?? r.id}' has a bad duration '${r.duration}'`);
    if (r.warnBefore && !isValidDuration(r.warnBefore))
      add(r.id, CODES.badDuration, `Regulation '${r.name ?? r.id}' has a bad warning time`);
    else if (warnsTooEarly(r.duration, r.warnBefore))
      add(r.id, CODES.badDuration, `Regulation '${r.name ?? r.id}' warns before its deadline starts`);
  }
}

/** The server refuses a warning at or before the clock's start; days count as 8 hours for this check. */
function warnsTooEarly(duration: string | undefined, warnBefore: string | undefined): boolean {
  const d = parseDuration(duration);
  const w = parseDuration(warnBefore);
  return !!d && !!w && totalSeconds(w, 8) > 0 && totalSeconds(w, 8) >= totalSeconds(d, 8);
}

function successors(def: WorkflowDefinition, byId: Map<string, Activity>): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const id of byId.keys()) next.set(id, []);
  for (const c of def.connections)
    if (byId.has(c.source) && byId.has(c.target)) next.get(c.source)!.push(c.target);
  // A return outcome sends the deal back where it came from: any activity that leads into the pausing stage.
  for (const a of byId.values()) {
    if (!a.pausesClocks || !a.returnOutcome) continue;
    for (const c of def.connections)
      if (c.target === a.id && byId.has(c.source)) next.get(a.id)!.push(c.source);
  }
  return next;
}

function validateGraph(def: WorkflowDefinition, byId: Map<string, Activity>, add: Add): void {
  if (!def.start || !byId.has(def.start)) return;
  const next = successors(def, byId);
  const reachable = walk([def.start], next);
  for (const id of byId.keys())
    if (!reachable.has(id)) add(id, CODES.unreachable, `'${id}' cannot be reached from the start`);

  const previous = new Map<string, string[]>();
  for (const id of byId.keys()) previous.set(id, []);
  for (const [from, tos] of next) for (const to of tos) previous.get(to)!.push(from);
  const ends = [...byId.values()].filter((a) => a.type === 'End').map((a) => a.id);
  const canFinish = walk(ends, previous);
  for (const id of reachable)
    if (!canFinish.has(id)) add(id, CODES.noPathToEnd, `No path leads from '${id}' to an End`);

  for (const id of instantCycle(byId, next))
    add(id, CODES.decisionLoop, `'${id}' is in a loop with no stage or timer to wait on`);
}

function walk(from: string[], next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>(from);
  const stack = [...from];
  while (stack.length) {
    const id = stack.pop()!;
    for (const n of next.get(id) ?? [])
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
  }
  return seen;
}

/** Ids of instant activities that lie on a cycle made only of instant activities. */
function instantCycle(byId: Map<string, Activity>, next: Map<string, string[]>): string[] {
  const instant = [...byId.values()].filter((a) => INSTANT.has(a.type)).map((a) => a.id);
  const instantSet = new Set(instant);
  const result: string[] = [];
  for (const id of instant) {
    const inner = new Map<string, string[]>();
    for (const i of instant)
      inner.set(
        i,
        (next.get(i) ?? []).filter((n) => instantSet.has(n)),
      );
    const reach = walk(inner.get(id) ?? [], inner);
    if (reach.has(id)) result.push(id);
  }
  return result;
}

/** Errors grouped by activity id; errors with no (known) activity go under the empty key. */
export function groupErrors(
  errors: ValidationError[],
  activityIds: Iterable<string>,
): { byActivity: Map<string, ValidationError[]>; general: ValidationError[] } {
  const ids = new Set(activityIds);
  const byActivity = new Map<string, ValidationError[]>();
  const general: ValidationError[] = [];
  for (const e of errors) {
    if (e.activityId && ids.has(e.activityId)) {
      const list = byActivity.get(e.activityId) ?? [];
      list.push(e);
      byActivity.set(e.activityId, list);
    } else general.push(e);
  }
  return { byActivity, general };
}
