import type { ValidationResult, WorkflowDefinition } from '../model/types';
import type { AuditPage } from './audit';
import { download, request, type Query } from './http';
import type {
  Client,
  Contact,
  ContactInput,
  DealPatch,
  DictionaryEntry,
  DictionaryKind,
  Interaction,
  NewClient,
  SearchResults,
} from './records';
import type {
  AuthResponse,
  Breach,
  Calendar,
  Deal,
  ManagerCompliance,
  MoveRequest,
  NewDeal,
  NewInteraction,
  NextStep,
  OwnCompliance,
  PlanItem,
  RegulationCompliance,
  SaveResult,
  User,
  WorkflowDocument,
  WorkflowSummary,
  WorkflowVersion,
} from './types';

/** Every call the app makes, in one place, named after the contract's paths. */
const enc = encodeURIComponent;
const ifMatch = (version?: number) => (version === undefined ? undefined : { 'If-Match': `"${version}"` });

export const api = {
  signIn: (email: string, password: string) =>
    request<AuthResponse>('POST', '/api/auth/token', { body: { email, password }, anonymous: true }),
  /** Answers a fresh token: the change ends every earlier one. */
  changePassword: (currentPassword: string, newPassword: string) =>
    request<AuthResponse>('PUT', '/api/me/password', { body: { currentPassword, newPassword } }),

  users: () => request<User[]>('GET', '/api/users'),

  workflows: () => request<WorkflowSummary[]>('GET', '/api/workflows'),
  workflow: (id: string, version?: number) =>
    request<WorkflowDocument>('GET', `/api/workflows/${enc(id)}`, { query: { version } }),
  createWorkflow: (def: WorkflowDefinition) => request<SaveResult>('POST', '/api/workflows', { body: def }),
  saveWorkflow: (def: WorkflowDefinition, version?: number) =>
    request<SaveResult>('PUT', `/api/workflows/${enc(def.id)}`, { body: def, headers: ifMatch(version) }),
  publishWorkflow: (id: string) => request<{ version: number }>('POST', `/api/workflows/${enc(id)}/publish`),
  versions: (id: string) =>
    request<(WorkflowVersion | number)[]>('GET', `/api/workflows/${enc(id)}/versions`),
  validate: (def: WorkflowDefinition, signal?: AbortSignal) =>
    request<ValidationResult>('POST', '/api/workflows/validate', { body: def, signal }),

  calendars: () => request<Calendar[]>('GET', '/api/calendars'),
  calendar: (id: string) => request<Calendar>('GET', `/api/calendars/${enc(id)}`),
  saveCalendar: (cal: Calendar) =>
    request<Calendar>('PUT', `/api/calendars/${enc(cal.id)}`, { body: cal, headers: ifMatch(cal.version) }),
  deadline: (id: string, start: string, duration: string, signal?: AbortSignal) =>
    request<{ dueAt: string }>('POST', `/api/calendars/${enc(id)}/deadline`, {
      body: { start, duration },
      signal,
    }),

  deals: (query: Query) => request<Deal[]>('GET', '/api/deals', { query }),
  deal: (id: string) => request<Deal>('GET', `/api/deals/${enc(id)}`),
  createDeal: (deal: NewDeal, allowDuplicate = false) =>
    request<Deal>('POST', '/api/deals', {
      body: deal,
      query: { allowDuplicate: allowDuplicate || undefined },
    }),
  move: (id: string, move: MoveRequest, version?: number) =>
    request<Deal>('POST', `/api/deals/${enc(id)}/moves`, { body: move, headers: ifMatch(version) }),
  take: (id: string) => request<Deal>('POST', `/api/deals/${enc(id)}/take`),
  addInteraction: (id: string, interaction: NewInteraction) =>
    request<Deal>('POST', `/api/deals/${enc(id)}/interactions`, { body: interaction }),
  dealInteractions: (id: string, q?: string) =>
    request<Interaction[]>('GET', `/api/deals/${enc(id)}/interactions`, { query: { q } }),
  patchDeal: (id: string, patch: DealPatch, version?: number) =>
    request<Deal>('PATCH', `/api/deals/${enc(id)}`, { body: patch, headers: ifMatch(version) }),
  setNextStep: (id: string, step: NextStep) =>
    request<Deal>('PUT', `/api/deals/${enc(id)}/next-step`, { body: step }),

  clients: (q?: string) => request<Client[]>('GET', '/api/clients', { query: { q } }),
  client: (id: string) => request<Client>('GET', `/api/clients/${enc(id)}`),
  createClient: (client: NewClient) => request<Client>('POST', '/api/clients', { body: client }),
  addContact: (clientId: string, contact: ContactInput, allowDuplicate = false) =>
    request<Contact>('POST', `/api/clients/${enc(clientId)}/contacts`, {
      body: contact,
      query: { allowDuplicate: allowDuplicate || undefined },
    }),
  saveContact: (contact: ContactInput & { id: string; version: number }, allowDuplicate = false) =>
    request<Contact>('PUT', `/api/contacts/${enc(contact.id)}`, {
      body: contact,
      headers: ifMatch(contact.version),
      query: { allowDuplicate: allowDuplicate || undefined },
    }),
  clientInteractions: (id: string, q?: string) =>
    request<Interaction[]>('GET', `/api/clients/${enc(id)}/interactions`, { query: { q } }),
  addClientInteraction: (id: string, interaction: NewInteraction) =>
    request<Interaction>('POST', `/api/clients/${enc(id)}/interactions`, { body: interaction }),
  clientAudit: (id: string, cursor?: string) =>
    request<AuditPage>('GET', `/api/clients/${enc(id)}/audit`, { query: { cursor } }),
  dictionary: (kind: DictionaryKind) => request<DictionaryEntry[]>('GET', `/api/dictionaries/${enc(kind)}`),
  search: (q: string, signal?: AbortSignal) =>
    request<SearchResults>('GET', '/api/search', { query: { q }, signal }),

  alerts: () =>
    request<import('../features/alerts/alertStore').Alert[]>('GET', '/api/alerts', {
      query: { unacknowledged: true },
    }),
  ackAlert: (id: string) => request<unknown>('POST', `/api/alerts/${enc(id)}/ack`),

  /** Not in the contract v1: shown only when the server answers (hidden on 404). */
  myPlans: () => request<PlanItem[] | { items: PlanItem[] }>('GET', '/api/plans/me'),

  complianceManagers: (query: Query) =>
    request<ManagerCompliance[]>('GET', '/api/compliance/managers', { query }),
  managerBreaches: (id: string, query: Query) =>
    request<Breach[]>('GET', `/api/compliance/managers/${enc(id)}/breaches`, { query }),
  complianceMe: (query: Query) => request<OwnCompliance>('GET', '/api/compliance/me', { query }),
  complianceRegulations: (query: Query) =>
    request<RegulationCompliance[]>('GET', '/api/compliance/regulations', { query }),
  exportCompliance: (format: 'csv' | 'xlsx', query: Query) =>
    download('/api/compliance/export', { ...query, format }, `compliance.${format}`),
};
