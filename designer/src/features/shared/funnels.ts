import { api } from '../../api/endpoints';
import { normalizeDefinition } from '../../model/graph';
import type { WorkflowDefinition } from '../../model/types';

/** Published definitions never change, so they are fetched once per (id, version). */
const cache = new Map<string, Promise<WorkflowDefinition>>();

export function loadDefinition(id: string, version?: number | null): Promise<WorkflowDefinition> {
  const key = `${id}@${version ?? 'latest'}`;
  let p = cache.get(key);
  if (!p) {
    p = api.workflow(id, version ?? undefined).then(normalizeDefinition);
    p.catch(() => cache.delete(key));
    if (version) cache.set(key, p);
  }
  return p;
}
