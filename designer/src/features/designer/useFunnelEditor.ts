import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import { emptyDefinition, normalizeDefinition, toDefinitionJson } from '../../model/graph';
import { canRedo, canUndo, record, redo, reset, undo, type History } from '../../model/history';
import { applyLayout, autoLayout, needsLayout } from '../../model/layout';
import type { ValidationError, WorkflowDefinition } from '../../model/types';
import { validateDefinition } from '../../model/validate';
import { mergeErrors, problemErrors } from './problems';

type Action =
  | { type: 'edit'; next: WorkflowDefinition; coalesce?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; def: WorkflowDefinition };

function reducer(h: History<WorkflowDefinition> | null, a: Action): History<WorkflowDefinition> | null {
  if (a.type === 'reset') return reset(a.def);
  if (!h) return h;
  switch (a.type) {
    case 'edit':
      return record(h, a.next, a.coalesce);
    case 'undo':
      return undo(h);
    case 'redo':
      return redo(h);
  }
}

export type Selection = { kind: 'activity'; id: string } | { kind: 'regulation'; id: string } | null;

/** Everything the designer screen does to a funnel, with no rendering: load, edit, undo, validate, save, publish. */
export function useFunnelEditor(workflowId: string | null, version?: number) {
  const [history, dispatch] = useReducer(reducer, null);
  const [isNew, setIsNew] = useState(workflowId === null);
  const [savedVersion, setSavedVersion] = useState<number>();
  const [saved, setSaved] = useState<WorkflowDefinition | null>(null);
  const [loadError, setLoadError] = useState<unknown>();
  const [server, setServer] = useState<{ def: WorkflowDefinition; errors: ValidationError[] } | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const def = history?.present ?? null;

  useEffect(() => {
    let live = true;
    if (workflowId === null) {
      const fresh = emptyDefinition('new-funnel', 'New funnel');
      dispatch({ type: 'reset', def: fresh });
      setSaved(null);
      return;
    }
    api.workflow(workflowId, version).then(
      (doc) => {
        if (!live) return;
        let loaded = normalizeDefinition(doc);
        if (needsLayout(loaded)) loaded = applyLayout(loaded, autoLayout(loaded, true));
        dispatch({ type: 'reset', def: loaded });
        setSaved(loaded);
        setSavedVersion(typeof doc.version === 'number' ? doc.version : undefined);
      },
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [workflowId, version]);

  // Server validation on a debounce; a stale answer (for an older definition) is dropped.
  useEffect(() => {
    if (!def || version !== undefined) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.validate(toDefinitionJson(def), controller.signal).then(
        (r) => setServer({ def, errors: r?.errors ?? [] }),
        () => {},
      );
    }, 700);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [def, version]);

  const edit = useCallback(
    (change: (d: WorkflowDefinition) => WorkflowDefinition, coalesce?: string) => {
      if (!history || version !== undefined) return;
      const next = change(history.present);
      if (next !== history.present) dispatch({ type: 'edit', next, coalesce });
    },
    [history, version],
  );

  // Client checks answer at once; the server's answer joins them while it is about this very definition.
  const errors = useMemo(() => {
    const clientErrors = def ? validateDefinition(def) : [];
    return server && server.def === def ? mergeErrors(clientErrors, server.errors) : clientErrors;
  }, [def, server]);

  const saveDraft = useCallback(async (): Promise<string | null> => {
    if (!def) return null;
    setBusy('save');
    setActionError(undefined);
    setNotice(null);
    try {
      const body = toDefinitionJson(def);
      const result = isNew ? await api.createWorkflow(body) : await api.saveWorkflow(body, savedVersion);
      setIsNew(false);
      setSaved(def);
      setSavedVersion(result?.version);
      setNotice('saved');
      return result?.id ?? def.id;
    } catch (e) {
      const errs = problemErrors(e);
      if (errs) setServer({ def, errors: errs });
      setActionError(e);
      return null;
    } finally {
      setBusy(null);
    }
  }, [def, isNew, savedVersion]);

  const publish = useCallback(async (): Promise<number | null> => {
    if (!def) return null;
    const id = saved === def && !isNew ? def.id : await saveDraft();
    if (!id) return null;
    setBusy('publish');
    setActionError(undefined);
    try {
      const result = await api.publishWorkflow(id);
      setNotice('published');
      return result?.version ?? null;
    } catch (e) {
      const errs = problemErrors(e);
      if (errs) setServer({ def, errors: errs });
      setActionError(e);
      return null;
    } finally {
      setBusy(null);
    }
  }, [def, saved, isNew, saveDraft]);

  const relayout = useCallback(() => edit((d) => applyLayout(d, autoLayout(d))), [edit]);

  return {
    def,
    readOnly: version !== undefined,
    isNew,
    dirty: def !== saved,
    loadError,
    errors,
    selection,
    setSelection,
    edit,
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    canUndo: history ? canUndo(history) : false,
    canRedo: history ? canRedo(history) : false,
    saveDraft,
    publish,
    relayout,
    busy,
    actionError,
    notice,
  };
}

export type FunnelEditor = ReturnType<typeof useFunnelEditor>;

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) over the model; text fields keep their own native undo. */
export function useUndoKeys(editor: Pick<FunnelEditor, 'undo' | 'redo'>): void {
  const ref = useRef(editor);
  ref.current = editor;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
        return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) ref.current.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') ref.current.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
