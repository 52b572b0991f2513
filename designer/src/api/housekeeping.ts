import { request } from './http';
import type { Deal } from './types';

/** Deal housekeeping: another funnel, contacts added later, a duplicate closed as such. */
const enc = encodeURIComponent;

export const housekeepingApi = {
  transfer: (dealId: string, workflowId: string, stageId?: string) =>
    request<Deal>('POST', `/api/deals/${enc(dealId)}/transfer`, { body: { workflowId, stageId } }),
  addContact: (dealId: string, contactId: string, main?: boolean) =>
    request<unknown>('POST', `/api/deals/${enc(dealId)}/contacts`, { body: { contactId, main } }),
  removeContact: (dealId: string, contactId: string) =>
    request<unknown>('DELETE', `/api/deals/${enc(dealId)}/contacts/${enc(contactId)}`),
  closeDuplicate: (dealId: string, duplicateOf: string) =>
    request<Deal>('POST', `/api/deals/${enc(dealId)}/close-duplicate`, { body: { duplicateOf } }),
};
