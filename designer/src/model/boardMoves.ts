import type { WorkflowDefinition } from './types';

/**
 * The stages an outcome can bring a deal to. Decisions, notifications, assignments and timers pass a deal on by
 * themselves, so they are followed along every branch; an end is not a board column and leads nowhere here.
 */
export function stagesReachedBy(def: WorkflowDefinition, fromStage: string, outcome: string): Set<string> {
  const byId = new Map(def.activities.map((a) => [a.id, a]));
  const reached = new Set<string>();
  const seen = new Set<string>();
  const queue = def.connections
    .filter((c) => c.source === fromStage && c.outcome === outcome)
    .map((c) => c.target);
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const activity = byId.get(id);
    if (!activity || activity.type === 'End') continue;
    if (activity.type === 'Stage') {
      reached.add(id);
      continue;
    }
    for (const c of def.connections) if (c.source === id) queue.push(c.target);
  }
  return reached;
}

/** The outcomes of the deal's stage that can bring it to the target stage, in the stage's own order. */
export function outcomesLeadingTo(
  def: WorkflowDefinition | undefined,
  fromStage: string,
  toStage: string,
): string[] {
  if (!def || fromStage === toStage) return [];
  const stage = def.activities.find((a) => a.id === fromStage);
  return (stage?.outcomes ?? []).filter((o) => stagesReachedBy(def, fromStage, o).has(toStage));
}
