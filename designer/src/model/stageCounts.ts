/** Live counters per stage for the published funnel, derived from three deal lists. */
export interface StageCounts {
  open: number;
  atRisk: number;
  overdue: number;
}

export function countByStage(
  open: { stageId: string }[],
  atRisk: { stageId: string }[],
  overdue: { stageId: string }[],
): Map<string, StageCounts> {
  const counts = new Map<string, StageCounts>();
  const bump = (list: { stageId: string }[], key: keyof StageCounts) => {
    for (const d of list) {
      const c = counts.get(d.stageId) ?? { open: 0, atRisk: 0, overdue: 0 };
      c[key]++;
      counts.set(d.stageId, c);
    }
  };
  bump(open, 'open');
  bump(atRisk, 'atRisk');
  bump(overdue, 'overdue');
  return counts;
}
