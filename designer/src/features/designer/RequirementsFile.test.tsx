// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/I18nProvider';
import type { Activity, WorkflowDefinition } from '../../model/types';
import { mockApi, signInAs } from '../../test/mockApi';
import { clearDictionaries } from '../shared/useDictionary';
import { RequirementsEditor } from './RequirementsEditor';
import type { FunnelEditor } from './useFunnelEditor';

const stage: Activity = { id: 'proposal', type: 'Stage', name: 'Proposal', outcomes: ['Sent', 'Agreed'] };

beforeEach(() => clearDictionaries());

describe('requirements editor: a required file', () => {
  it('requires a file category per outcome, picked from the dictionary', async () => {
    signInAs('admin', 'admin');
    mockApi({
      'GET /api/dictionaries/fileCategories': () => [
        { id: 'proposal', name: 'Коммерческое предложение' },
        { id: 'contract', name: 'Договор' },
      ],
    });
    let def: WorkflowDefinition = {
      id: 'f',
      name: 'F',
      start: 'proposal',
      activities: [stage],
      connections: [],
    };
    const editor = {
      readOnly: false,
      edit: (fn: (d: WorkflowDefinition) => WorkflowDefinition) => {
        def = fn(def);
      },
    } as unknown as FunnelEditor;
    render(
      <I18nProvider initial="ru">
        <RequirementsEditor activity={stage} editor={editor} />
      </I18nProvider>,
    );
    const select = screen.getByTestId('prop-requires-0-file');
    await waitFor(() => expect(select.textContent).toContain('Коммерческое предложение'));
    expect(select.textContent).toContain('не нужен');
    fireEvent.change(select, { target: { value: 'proposal' } });
    expect(def.activities[0]!.requires).toEqual({ Sent: { file: 'proposal' } });
  });
});
