import { request } from './http';
import type { Deal } from './types';

/** Deal housekeeping: another funnel, contacts added later, a duplicate closed as such. */
const enc = encodeURIComponent;
// Each sends the version the page shows: a deal changed meanwhile is a 409, not a silent overwrite.
const ifMatch = (version?: number) => (version === undefined ? undefined : { 'If-Match': `"${version}"` });

export const housekeepingApi = {
  transfer: (deal: Deal, workflowId: string, stageId?: string) =>
    request<Deal>('POST', `/api/deals/${enc(deal.id)}/transfer`, {
      body: { workflowId, stageId },
      headers: ifMatch(deal.version),
    }),
  addContact: (deal: Deal, contactId: string, main?: boolean) =>
    request<Deal>('POST', `/api/deals/${enc(deal.id)}/contacts`, {
      body: { contactId, main },
      headers: ifMatch(deal.version),
    }),
  removeContact: (deal: Deal, contactId: string) =>
    request<Deal>('DELETE', `/api/deals/${enc(deal.id)}/contacts/${enc(contactId)}`, {
      headers: ifMatch(deal.version),
    }),
  closeDuplicate: (deal: Deal, duplicateOf: string) =>
    request<Deal>('POST', `/api/deals/${enc(deal.id)}/close-duplicate`, {
      body: { duplicateOf },
      headers: ifMatch(deal.version),
    }),
};
