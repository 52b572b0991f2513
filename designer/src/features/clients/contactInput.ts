import type { Contact, ContactInput } from '../../api/records';

/** The contact form keeps phones and e-mails as one text each, separated by commas or new lines. */
export interface ContactDraft {
  name: string;
  position: string;
  phones: string;
  emails: string;
  birthday: string;
}

export const EMPTY_CONTACT: ContactDraft = { name: '', position: '', phones: '', emails: '', birthday: '' };

const split = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function toContactInput(d: ContactDraft): ContactInput {
  return {
    name: d.name.trim(),
    position: d.position.trim() || undefined,
    phones: split(d.phones),
    emails: split(d.emails),
    birthday: d.birthday || undefined,
  };
}

export function toDraft(c: Contact): ContactDraft {
  return {
    name: c.name,
    position: c.position ?? '',
    phones: c.phones.join(', '),
    emails: c.emails.join(', '),
    birthday: c.birthday ?? '',
  };
}

export function isBlank(d: ContactDraft): boolean {
  return !d.name.trim() && !d.phones.trim() && !d.emails.trim();
}
