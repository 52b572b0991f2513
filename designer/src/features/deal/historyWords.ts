import type { Clock, HistoryEntry } from '../../api/types';
import type { Translate } from '../../i18n/I18nProvider';

/** Everything a phrase may need besides the entry: dictionaries and the deal's clocks by regulation. */
export interface HistoryContext {
  t: Translate;
  tx: (key: string, fallback: string) => string;
  when: (iso: string) => string;
  resultName: (id: string) => string;
  clocks: Clock[];
  /** The deal's contacts and owner, to name a contact linked or a manager handed the deal (the events carry ids). */
  contacts?: { id: string; name: string }[];
  owner?: { id?: string | null; name?: string | null };
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/**
 * One history entry in words: "Anna moved it from «Presentation» to «Closing»". Names come from the server's
 * view (`byName`, `fromStageName`, …) or the entry's details; an entry without them still reads as a sentence
 * and never shows an internal id.
 */
export function describeHistory(h: HistoryEntry, c: HistoryContext): string {
  const d = h.details ?? {};
  const s = (k: string) => str(d[k]);
  // No actor, or the product's own "system" (seeding, imports, timers): Crm did it.
  const who = h.byName || (h.by && h.by !== 'system' ? c.t('history.someone') : c.t('history.system'));
  const fromStage = h.fromStageName || s('fromName');
  const toStage = h.toStageName || s('toName');
  const outcome = h.outcome || s('outcome');
  const clockName = () =>
    s('regulationName') || c.clocks.find((k) => k.regulationId === s('regulationId'))?.name || '';

  switch (h.kind) {
    case 'created':
      return c.t('words.created', { who });
    case 'moved': {
      // The first entry of a deal: it entered its start stage, no outcome chosen.
      if (!s('from') && !fromStage && !outcome)
        return toStage ? c.t('words.started', { who, to: toStage }) : c.t('words.createdShort', { who });
      const base =
        fromStage && toStage
          ? c.t('words.moved', { who, from: fromStage, to: toStage })
          : toStage
            ? c.t('words.movedTo', { who, to: toStage })
            : c.t('words.movedOn', { who });
      return outcome ? `${base} (${c.t('words.outcome', { outcome })})` : base;
    }
    case 'transferred':
    case 'workflowChanged': {
      const to = h.toWorkflowName || s('toWorkflowName');
      const base = to ? c.t('words.transferred', { who, to }) : c.t('words.transferredShort', { who });
      return toStage ? `${base}, ${c.t('words.stage', { stage: toStage })}` : base;
    }
    case 'assigned': {
      const toName = s('toName') || s('ownerName') || (s('to') === c.owner?.id ? (c.owner?.name ?? '') : '');
      if (!s('to')) return c.t('words.toQueue', { who });
      if (h.by && s('to') === h.by) return c.t('words.took', { who });
      return toName ? c.t('words.assigned', { who, to: toName }) : c.t('words.assignedShort', { who });
    }
    case 'closed': {
      const result = s('result');
      if (result === 'duplicate' || s('reason') === 'duplicate') return c.t('words.duplicate', { who });
      return c.t('words.closed', { who, result: c.tx(`deal.state.${result}`, result) });
    }
    case 'duplicate':
    case 'closedDuplicate':
      return c.t('words.duplicate', { who });
    case 'merged':
      return c.t('words.merged', { who, title: s('title') });
    case 'mergedInto':
      return c.t('words.mergedInto', { who });
    case 'nextStep':
      return c.t('words.nextStep', { who, what: s('what'), at: s('at') ? c.when(s('at')) : '' });
    case 'comment':
      return `${who}: ${s('text')}`;
    case 'interaction':
      return [
        c.t('words.logged', { who, kind: c.tx(`interaction.${s('kind')}`, s('kind')).toLowerCase() }),
        s('topic'),
        s('text'),
        s('result') && `(${c.resultName(s('result'))})`,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'interactionCorrected': {
      const n = Number(d.number);
      return [
        c.t('words.corrected', { who, number: n > 0 ? String(n).padStart(2, '0') : '' }).replace(/\s+$/, ''),
        s('topic'),
        s('text'),
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'updated':
      return c.t('words.updated', { who });
    case 'contactAdded':
    case 'contactLinked':
    case 'contactRemoved':
    case 'contactUnlinked': {
      const name = s('name') || s('contactName') || c.contacts?.find((k) => k.id === s('contactId'))?.name;
      const added = h.kind === 'contactAdded' || h.kind === 'contactLinked';
      if (name) return c.t(added ? 'words.contactAdded' : 'words.contactRemoved', { who, name });
      return c.t(added ? 'words.contactAddedShort' : 'words.contactRemovedShort', { who });
    }
    case 'clockStarted':
      return [
        clockName() ? c.t('words.clockStarted', { name: clockName() }) : c.t('history.clockStarted'),
        s('dueAt') && c.when(s('dueAt')),
      ]
        .filter(Boolean)
        .join(' → ');
    case 'clockStopped':
      return `${clockName() ? c.t('words.clockStopped', { name: clockName() }) : c.t('history.clockStopped')}: ${c.tx(`clock.${s('state')}`, s('state'))}`;
    case 'alert':
      return [
        c.tx(`alert.kind.${s('kind')}`, s('kind')),
        s('regulationName') || s('message'),
        s('dueAt') && `(${c.when(s('dueAt'))})`,
      ]
        .filter(Boolean)
        .join(' · ');
    default:
      return readable(d, who);
  }
}

/** Kinds this screen does not know: their plain values, without ids. */
function readable(details: Record<string, unknown>, who: string): string {
  const values = Object.entries(details)
    .filter(
      ([k, v]) =>
        !/(^id$|Id$|^from$|^to$|^by$)/.test(k) &&
        (typeof v === 'string' || typeof v === 'number') &&
        v !== '',
    )
    .map(([, v]) => String(v));
  return [who, ...values].join(' · ');
}
