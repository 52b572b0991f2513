import { useEffect, useRef, useState } from 'react';
import { ACTIVITY_KINDS, type ActivityKind } from '../../api/activities';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import type { Deal } from '../../api/types';
import { ErrorText } from '../../app/ErrorText';
import { fromLocalInput } from '../../app/format';
import { useI18n } from '../../i18n/I18nProvider';
import { missingData, type MissingItem } from '../../model/missing';
import { requirementFor } from '../../model/requirements';
import { outcomesOf } from '../../model/stages';
import type { WorkflowDefinition } from '../../model/types';
import { Dialog } from './Dialog';
import { loadDefinition } from './funnels';
import { MissingDataPanel } from './MissingDataPanel';

/**
 * Pick an outcome for the deal's stage; a comment and the next step (of a kind: call, meeting, task, e-mail)
 * are optional. A move refused for missing data lists what is missing and how to fix it (a required file is
 * uploaded right there); `onChanged` hears of a deal patched on the way. The outcomes sit in the dialog's
 * footer, which stays on screen on a phone while the rest scrolls.
 */
export function MoveDialog({
  deal: initial,
  onDone,
  onClose,
  onChanged,
  missing: initialMissing,
}: {
  deal: Deal;
  /** A move already refused (e.g. a card dropped on the board): opens on what it lacks, ready to fill in. */
  missing?: { outcome: string; items: MissingItem[] };
  onDone: (deal: Deal) => void;
  onClose: () => void;
  onChanged?: (deal: Deal) => void;
}) {
  const [deal, setDeal] = useState(initial);
  const [missing, setMissing] = useState<{ outcome: string; items: MissingItem[] } | null>(
    initialMissing ?? null,
  );
  const { t } = useI18n();
  const [definition, setDefinition] = useState<WorkflowDefinition>();
  const [comment, setComment] = useState('');
  const [at, setAt] = useState('');
  const [what, setWhat] = useState('');
  const [kind, setKind] = useState<ActivityKind>('call');
  const missingRef = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadDefinition(deal.workflowId, deal.workflowVersion).then(setDefinition, setError);
  }, [deal.workflowId, deal.workflowVersion]);

  const outcomes = outcomesOf(definition, deal.stageId);
  const stage = definition?.activities.find((a) => a.id === deal.stageId);
  const move = async (outcome: string, current: Deal = deal) => {
    setBusy(true);
    setError(undefined);
    setMissing(null);
    const when = fromLocalInput(at);
    try {
      const moved = await api.move(
        current.id,
        {
          outcome,
          comment: comment.trim() || undefined,
          nextStep: when && what.trim() ? { at: when, what: what.trim(), kind } : undefined,
        },
        current.version,
      );
      onDone(moved);
    } catch (e) {
      const items = e instanceof ApiError && e.status === 400 ? missingData(e.problem) : null;
      if (items && items.length > 0) setMissing({ outcome, items });
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  // What is missing appears under the form: bring it into view, the footer may hide it on a phone.
  useEffect(() => {
    if (missing) missingRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [missing]);

  const outcomeButtons = (
    <div className="row wrap outcomes" data-testid="move-outcomes">
      {outcomes.map((o) => (
        <button
          key={o}
          type="button"
          className="primary"
          disabled={busy}
          data-testid={`outcome-${o}`}
          onClick={() => void move(o)}
        >
          {o}
        </button>
      ))}
      {definition && outcomes.length === 0 && <span className="muted">{t('move.noOutcomes')}</span>}
    </div>
  );

  return (
    <Dialog
      title={`${t('deal.move')}: ${deal.title}`}
      onClose={onClose}
      testId="move-dialog"
      footer={
        <>
          <ErrorText error={error} />
          {outcomeButtons}
        </>
      }
    >
      <p className="muted small">
        {t('deal.stage')}: {deal.stageName ?? deal.stageId}
      </p>
      <label>
        {t('move.comment')}
        <textarea
          data-testid="move-comment"
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      <fieldset>
        <legend>{t('move.nextStep')}</legend>
        <div className="row wrap">
          <select
            data-testid="next-step-kind"
            aria-label={t('move.nextStepKind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as ActivityKind)}
          >
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`activity.kind.${k}`)}
              </option>
            ))}
          </select>
          <input
            type="datetime-local"
            data-testid="next-step-at"
            value={at}
            aria-label={t('move.nextStepAt')}
            onChange={(e) => setAt(e.target.value)}
          />
          <input
            data-testid="next-step-what"
            placeholder={t('move.nextStepWhat')}
            value={what}
            onChange={(e) => setWhat(e.target.value)}
          />
        </div>
      </fieldset>
      {missing && (
        <div ref={missingRef}>
          <MissingDataPanel
            key={`${missing.outcome}@${deal.version}`}
            deal={deal}
            outcome={missing.outcome}
            items={missing.items}
            interaction={stage && requirementFor(stage, missing.outcome).interaction}
            requiredFile={stage && requirementFor(stage, missing.outcome).file}
            onFileUploaded={() => void move(missing.outcome)}
            onLogInteraction={onClose}
            onPatched={(patched) => {
              setDeal(patched);
              onChanged?.(patched);
              void move(missing.outcome, patched);
            }}
          />
        </div>
      )}
    </Dialog>
  );
}
