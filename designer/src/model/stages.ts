import type { Activity, WorkflowDefinition } from './types';

/** The funnel's stages in the order a deal meets them: breadth-first from the start, then any others;
 * pause stages last, since a deal only steps aside into them. */
export function orderedStages(def: WorkflowDefinition): Activity[] {
  const byId = new Map(def.activities.map((a) => [a.id, a]));
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = def.start ? [def.start] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id) || !byId.has(id)) continue;
    seen.add(id);
    order.push(id);
    // Outcomes in their declared order, so the "main path" comes before side exits.
    const source = byId.get(id)!;
    for (const outcome of source.outcomes ?? []) {
      const c = def.connections.find((x) => x.source === id && x.outcome === outcome);
      if (c) queue.push(c.target);
    }
  }
  for (const a of def.activities) if (!seen.has(a.id)) order.push(a.id);
  const stages = order.map((id) => byId.get(id)!).filter((a) => a.type === 'Stage');
  return [...stages.filter((a) => !a.pausesClocks), ...stages.filter((a) => a.pausesClocks)];
}

/** The outcomes a manager may pick on a stage (a return outcome included). */
export function outcomesOf(def: WorkflowDefinition | undefined, stageId: string): string[] {
  return def?.activities.find((a) => a.id === stageId)?.outcomes ?? [];
}
