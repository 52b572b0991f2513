import { removeRequirement, renameRequirement, requiresOf } from './requirements';
import type {
  Activity,
  ActivityType,
  Connection,
  DesignPosition,
  FunnelRegulation,
  WorkflowDefinition,
} from './types';

/**
 * Pure, immutable edits of a funnel definition. The definition JSON is the model: every function
 * returns a new definition and keeps connections, the start and regulations consistent with it.
 */

const DEFAULT_OUTCOMES: Record<ActivityType, string[]> = {
  Stage: ['Done'],
  Decision: ['True', 'False'],
  Timer: ['Elapsed'],
  Notify: ['Sent'],
  Assign: ['Assigned'],
  End: [],
};

const DEFAULT_SETTINGS: Record<ActivityType, Partial<Activity>> = {
  Stage: {},
  Decision: { condition: 'deal.amount >= 0' },
  Timer: { duration: 'PT1H' },
  Notify: { notify: 'owner', message: '' },
  Assign: { strategy: 'roundRobin' },
  End: { result: 'won' },
};

export function emptyDefinition(id: string, name: string): WorkflowDefinition {
  return { id, name, calendarId: '24x7', activities: [], connections: [], regulations: [] };
}

export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'activity';
}

export function uniqueId(def: WorkflowDefinition, base: string): string {
  const taken = new Set(def.activities.map((a) => a.id));
  const root = slug(base);
  if (!taken.has(root)) return root;
  for (let i = 2; ; i++) {
    const candidate = `${root}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function findActivity(def: WorkflowDefinition, id: string): Activity | undefined {
  return def.activities.find((a) => a.id === id);
}

export function addActivity(
  def: WorkflowDefinition,
  type: ActivityType,
  position: DesignPosition,
  name?: string,
): { definition: WorkflowDefinition; id: string } {
  const id = uniqueId(def, name ?? type);
  const activity: Activity = {
    id,
    type,
    name: name ?? type,
    outcomes: [...DEFAULT_OUTCOMES[type]],
    ...DEFAULT_SETTINGS[type],
    design: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  if (type === 'End') delete activity.outcomes;
  const definition = { ...def, activities: [...def.activities, activity] };
  if (!def.start && type !== 'End') definition.start = id;
  return { definition, id };
}

export function removeActivity(def: WorkflowDefinition, id: string): WorkflowDefinition {
  return {
    ...def,
    start: def.start === id ? undefined : def.start,
    activities: def.activities.filter((a) => a.id !== id),
    connections: def.connections.filter((c) => c.source !== id && c.target !== id),
    regulations: (def.regulations ?? []).filter((r) => r.startOn !== id && r.stopOn !== id),
  };
}

export function updateActivity(
  def: WorkflowDefinition,
  id: string,
  patch: Partial<Activity>,
): WorkflowDefinition {
  return {
    ...def,
    activities: def.activities.map((a) => (a.id === id ? dropUndefined({ ...a, ...patch }) : a)),
  };
}

export function moveActivity(
  def: WorkflowDefinition,
  id: string,
  position: DesignPosition,
): WorkflowDefinition {
  return updateActivity(def, id, { design: { x: Math.round(position.x), y: Math.round(position.y) } });
}

/** Changes an activity's id everywhere it is referred to. Refuses an empty or taken id. */
export function renameActivityId(def: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  const next = to.trim();
  if (!next || next === from || findActivity(def, next)) return def;
  const swap = (x: string) => (x === from ? next : x);
  return {
    ...def,
    start: def.start === from ? next : def.start,
    activities: def.activities.map((a) => (a.id === from ? { ...a, id: next } : a)),
    connections: def.connections.map((c) => ({ ...c, source: swap(c.source), target: swap(c.target) })),
    regulations: (def.regulations ?? []).map((r) => ({
      ...r,
      startOn: swap(r.startOn),
      stopOn: swap(r.stopOn),
    })),
  };
}

export function addOutcome(def: WorkflowDefinition, id: string, outcome: string): WorkflowDefinition {
  const activity = findActivity(def, id);
  const name = outcome.trim();
  if (!activity || !name || (activity.outcomes ?? []).includes(name)) return def;
  return updateActivity(def, id, { outcomes: [...(activity.outcomes ?? []), name] });
}

export function removeOutcome(def: WorkflowDefinition, id: string, outcome: string): WorkflowDefinition {
  const activity = findActivity(def, id);
  if (!activity) return def;
  const updated = updateActivity(def, id, {
    outcomes: (activity.outcomes ?? []).filter((o) => o !== outcome),
    returnOutcome: activity.returnOutcome === outcome ? undefined : activity.returnOutcome,
    ...(requiresOf(activity) && { requires: removeRequirement(requiresOf(activity), outcome) }),
  });
  return {
    ...updated,
    connections: updated.connections.filter((c) => !(c.source === id && c.outcome === outcome)),
  };
}

export function renameOutcome(
  def: WorkflowDefinition,
  id: string,
  from: string,
  to: string,
): WorkflowDefinition {
  const activity = findActivity(def, id);
  const name = to.trim();
  if (!activity || !name || from === name || (activity.outcomes ?? []).includes(name)) return def;
  const updated = updateActivity(def, id, {
    outcomes: (activity.outcomes ?? []).map((o) => (o === from ? name : o)),
    returnOutcome: activity.returnOutcome === from ? name : activity.returnOutcome,
    ...(requiresOf(activity) && { requires: renameRequirement(requiresOf(activity), from, name) }),
  });
  return {
    ...updated,
    connections: updated.connections.map((c) =>
      c.source === id && c.outcome === from ? { ...c, outcome: name } : c,
    ),
  };
}

/** One outcome leads to one place: connecting an outcome replaces its previous connection. */
export function connect(def: WorkflowDefinition, connection: Connection): WorkflowDefinition {
  const source = findActivity(def, connection.source);
  if (!source || !findActivity(def, connection.target)) return def;
  if (!(source.outcomes ?? []).includes(connection.outcome)) return def;
  const others = def.connections.filter(
    (c) => !(c.source === connection.source && c.outcome === connection.outcome),
  );
  const updated = { ...def, connections: [...others, { ...connection }] };
  // A returnOutcome needs no connection; an explicit one replaces the implicit return.
  if (source.returnOutcome === connection.outcome) {
    return updateActivity(updated, source.id, { returnOutcome: undefined });
  }
  return updated;
}

export function disconnect(def: WorkflowDefinition, source: string, outcome: string): WorkflowDefinition {
  return {
    ...def,
    connections: def.connections.filter((c) => !(c.source === source && c.outcome === outcome)),
  };
}

export function connectionId(c: Pick<Connection, 'source' | 'outcome'>): string {
  return `${c.source}::${c.outcome}`;
}

export function parseConnectionId(id: string): { source: string; outcome: string } | undefined {
  const at = id.indexOf('::');
  if (at < 0) return undefined;
  return { source: id.slice(0, at), outcome: id.slice(at + 2) };
}

export function upsertRegulation(def: WorkflowDefinition, regulation: FunnelRegulation): WorkflowDefinition {
  const list = def.regulations ?? [];
  const exists = list.some((r) => r.id === regulation.id);
  return {
    ...def,
    regulations: exists ? list.map((r) => (r.id === regulation.id ? regulation : r)) : [...list, regulation],
  };
}

export function removeRegulation(def: WorkflowDefinition, id: string): WorkflowDefinition {
  return { ...def, regulations: (def.regulations ?? []).filter((r) => r.id !== id) };
}

export function newRegulationId(def: WorkflowDefinition, startOn: string, stopOn: string): string {
  const taken = new Set((def.regulations ?? []).map((r) => r.id));
  const base = `${startOn}-to-${stopOn}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Normalises API JSON into a definition with every list present. Unknown fields are kept. */
export function normalizeDefinition(json: unknown): WorkflowDefinition {
  const raw = (json ?? {}) as Partial<WorkflowDefinition>;
  return {
    ...raw,
    id: raw.id ?? '',
    name: raw.name ?? '',
    activities: Array.isArray(raw.activities) ? raw.activities : [],
    connections: Array.isArray(raw.connections) ? raw.connections : [],
    regulations: Array.isArray(raw.regulations) ? raw.regulations : [],
  };
}

/** The JSON the API receives: no undefined-valued keys, stable key order per activity. */
export function toDefinitionJson(def: WorkflowDefinition): WorkflowDefinition {
  return JSON.parse(JSON.stringify(def)) as WorkflowDefinition;
}

function dropUndefined<T extends object>(value: T): T {
  const out = { ...value } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out as T;
}
