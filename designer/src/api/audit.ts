/** The audit trail of clients and contacts (admins only): who changed what, when. */

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  /** A user's name; null for the product itself ("system") and the website form ("lead-form"). */
  actorName: string | null;
  via: string | null;
  entityType: 'client' | 'contact';
  entityId: string;
  clientId: string;
  action: 'created' | 'imported' | 'updated' | 'deleted';
  changes: AuditChange[];
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string | null;
}
