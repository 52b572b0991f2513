import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../api/types';
import { translate } from '../../i18n/I18nProvider';
import { isMessageKey, type Lang } from '../../i18n/dict';
import { describeHistory } from './historyWords';

const context = (lang: Lang) => ({
  t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(lang, key, params),
  tx: (key: string, fallback: string) => (isMessageKey(key) ? translate(lang, key) : fallback),
  when: (iso: string) => `<${iso}>`,
  resultName: (id: string) => (id === 'no-answer' ? 'Нет ответа' : id),
  clocks: [{ regulationId: 'reg-7', name: 'Первый звонок', state: 'running' }],
});
const entry = (kind: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  at: '2027-03-01T08:00:00Z',
  by: 'anna',
  kind,
  details: {},
  ...extra,
});
const ru = (h: HistoryEntry) => describeHistory(h, context('ru'));
const en = (h: HistoryEntry) => describeHistory(h, context('en'));

describe('history in words', () => {
  it('says who moved the deal from which stage to which', () => {
    const moved = entry('moved', {
      byName: 'Анна',
      fromStageName: 'Презентация',
      toStageName: 'Закрытие',
      outcome: 'Согласовано',
      details: { from: 'presentation', to: 'closing', outcome: 'Согласовано' },
    });
    expect(ru(moved)).toBe('Анна перевёл(а) из «Презентация» в «Закрытие» (исход «Согласовано»)');
    expect(
      en({
        ...moved,
        byName: 'Anna',
        fromStageName: 'Presentation',
        toStageName: 'Closing',
        outcome: null,
        details: {},
      }),
    ).toBe('Anna moved it from «Presentation» to «Closing»');
  });

  it('reads the stage name from the details when the view has none, and never shows a stage id', () => {
    expect(en(entry('moved', { byName: 'Anna', details: { from: 'p1', to: 'c2', toName: 'Closing' } }))).toBe(
      'Anna moved it to «Closing»',
    );
    const bare = en(entry('moved', { details: { from: 'stage-p1', to: 'stage-c2', outcome: 'Sent' } }));
    expect(bare).toBe('Someone moved it on (outcome «Sent»)');
    expect(bare).not.toContain('stage-');
  });

  it('tells a handover, a take and a return to the queue apart', () => {
    expect(
      ru(entry('assigned', { byName: 'Анна', details: { from: 'anna', to: 'boris', toName: 'Борис' } })),
    ).toBe('Анна передал(а) сделку: Борис');
    expect(ru(entry('assigned', { byName: 'Анна', details: { from: 'anna', to: 'boris' } }))).toBe(
      'Анна передал(а) сделку другому менеджеру',
    );
    expect(ru(entry('assigned', { byName: 'Анна', details: { from: null, to: 'anna' } }))).toBe(
      'Анна взял(а) сделку',
    );
    expect(en(entry('assigned', { by: null, details: { from: 'anna', to: null } }))).toBe(
      'Crm returned the deal to the team queue',
    );
  });

  it('names the funnel a deal was moved to, and a duplicate close', () => {
    expect(
      ru(
        entry('transferred', { byName: 'Анна', toWorkflowName: 'Продажи B2B', toStageName: 'Квалификация' }),
      ),
    ).toBe('Анна перенёс(ла) в воронку «Продажи B2B», этап «Квалификация»');
    expect(en(entry('transferred', { byName: 'Anna', details: { workflowId: 'b2b' } }))).toBe(
      'Anna moved it to another funnel',
    );
    expect(ru(entry('closed', { byName: 'Анна', details: { result: 'duplicate' } }))).toBe(
      'Анна закрыл(а) как дубликат',
    );
    expect(ru(entry('closed', { byName: 'Анна', details: { result: 'won' } }))).toBe(
      'Анна закрыл(а) сделку: выиграна',
    );
  });

  it('names clocks by the deal’s regulation and results by the dictionary', () => {
    expect(ru(entry('clockStarted', { by: null, details: { regulationId: 'reg-7', dueAt: 'X' } }))).toBe(
      'Запущен срок «Первый звонок» → <X>',
    );
    expect(ru(entry('clockStopped', { by: null, details: { regulationId: 'gone', state: 'met' } }))).toBe(
      'Остановлены часы: в срок',
    );
    expect(
      ru(
        entry('interaction', {
          byName: 'Анна',
          details: { kind: 'call', text: 'Не взяли', result: 'no-answer' },
        }),
      ),
    ).toBe('Анна записал(а): звонок · Не взяли · (Нет ответа)');
  });

  it('names a linked contact and the current owner from the deal, never by id', () => {
    const withDeal = {
      ...context('ru'),
      contacts: [{ id: 'k1', name: 'Ирина' }],
      owner: { id: 'boris', name: 'Борис' },
    };
    const say = (h: HistoryEntry) => describeHistory(h, withDeal);
    expect(say(entry('contactLinked', { byName: 'Анна', details: { contactId: 'k1', main: false } }))).toBe(
      'Анна добавил(а) контакт Ирина',
    );
    expect(say(entry('contactUnlinked', { byName: 'Анна', details: { contactId: 'k-gone' } }))).toBe(
      'Анна убрал(а) контакт',
    );
    expect(say(entry('assigned', { byName: 'Анна', details: { from: 'anna', to: 'boris' } }))).toBe(
      'Анна передал(а) сделку: Борис',
    );
  });

  it('says which journal entry was corrected', () => {
    expect(
      ru(
        entry('interactionCorrected', {
          byName: 'Анна',
          details: { interactionId: 'i-9', number: 3, text: 'Отправили КП', topic: 'КП' },
        }),
      ),
    ).toBe('Анна исправил(а) запись журнала 03 · КП · Отправили КП');
  });

  it('credits the product itself for what "system" did', () => {
    expect(
      en(entry('created', { by: 'system', details: { workflowId: 'b2b-sales', ownerId: 'anna' } })),
    ).toBe('Crm created the deal');
  });

  it('shows an unknown kind by its plain values, without ids', () => {
    const text = en(
      entry('activityPlanned', {
        byName: 'Anna',
        details: { activityId: 'act-1', subject: 'Call back', dealId: 'd1' },
      }),
    );
    expect(text).toBe('Anna · Call back');
  });
});
