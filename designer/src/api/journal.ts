import { request } from './http';
import type { Interaction } from './records';

/** The journal beyond adding: corrections with their history, and a client's whole history. */
export interface InteractionRevision {
  at: string;
  by?: string | null;
  byName?: string | null;
  text?: string | null;
  topic?: string | null;
  result?: string | null;
  interactionAt?: string | null;
}

export interface InteractionCorrection {
  text?: string;
  topic?: string;
  result?: string;
  at?: string;
}

export interface JournalFilter {
  q?: string;
  managerId?: string;
}

const enc = encodeURIComponent;

export const journalApi = {
  deal: (dealId: string, filter: JournalFilter & { scope?: 'client' }) =>
    request<Interaction[]>('GET', `/api/deals/${enc(dealId)}/interactions`, { query: { ...filter } }),
  client: (clientId: string, filter: JournalFilter) =>
    request<Interaction[]>('GET', `/api/clients/${enc(clientId)}/interactions`, { query: { ...filter } }),
  correct: (id: string, correction: InteractionCorrection) =>
    request<Interaction>('PUT', `/api/interactions/${enc(id)}`, { body: correction }),
  revisions: (id: string) => request<InteractionRevision[]>('GET', `/api/interactions/${enc(id)}/revisions`),
};
