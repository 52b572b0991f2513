/** The records API: clients, contacts, the interaction journal, dictionaries and search (README "Records"). */

export type ClientKind = 'company' | 'person';

export interface Contact {
  id: string;
  clientId: string;
  name: string;
  position?: string | null;
  phones: string[];
  emails: string[];
  birthday?: string | null;
  version: number;
}

export interface ContactInput {
  name: string;
  position?: string;
  phones: string[];
  emails: string[];
  birthday?: string;
}

/** A deal of the client, as far as the caller may see it. */
export interface ClientDeal {
  id: string;
  title: string;
  state: string;
  stageId?: string | null;
  ownerId?: string | null;
  amount?: number | null;
}

export interface Client {
  id: string;
  name: string;
  kind: ClientKind;
  source?: string | null;
  segments: string[];
  version: number;
  createdAt?: string;
  updatedAt?: string;
  /** Only on GET /api/clients/{id} (and the POST answer). */
  contacts?: Contact[] | null;
  deals?: ClientDeal[] | null;
  /** The responsible manager (issue #15). */
  responsibleId?: string | null;
  responsibleName?: string | null;
}

export interface NewClient {
  name: string;
  kind: ClientKind;
  source?: string;
  segments: string[];
  contacts: ContactInput[];
}

export type InteractionKind = 'call' | 'meeting' | 'email' | 'note';

export interface NewInteraction {
  kind: InteractionKind;
  at?: string;
  text: string;
  topic?: string;
  result?: string;
  contactId?: string;
}

export interface Interaction {
  id: string;
  dealId?: string | null;
  clientId?: string | null;
  contactId?: string | null;
  kind: InteractionKind | string;
  at: string;
  text: string;
  topic?: string | null;
  result?: string | null;
  resultName?: string | null;
  by?: string | null;
  createdAt?: string;
  /** 1, 2, … per deal (per client for client entries) in creation order. */
  number?: number | null;
  dealTitle?: string | null;
  byName?: string | null;
  editedAt?: string | null;
  /** How many corrections it has had. */
  revisions?: number | null;
}

export type DictionaryKind = 'sources' | 'workResults' | 'segments' | 'fileCategories';

export interface DictionaryEntry {
  id: string;
  name: string;
}

export interface SearchDeal {
  id: string;
  title: string;
  state: string;
  stageId?: string | null;
  ownerId?: string | null;
  clientId?: string | null;
  clientName?: string | null;
  contactName?: string | null;
}

export interface SearchResults {
  clients: Client[];
  contacts: Contact[];
  deals: SearchDeal[];
}

/** PATCH /api/deals/{id}: only what is sent changes. */
export interface DealPatch {
  title?: string;
  amount?: number;
  source?: string;
  fields?: Record<string, unknown>;
}
