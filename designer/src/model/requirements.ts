import type { Activity } from './types';

/**
 * A stage's `requires` setting: per outcome, the deal fields that must be filled and the interaction that
 * must have been logged at the stage before that outcome may be chosen. Pure functions over the JSON;
 * whatever this editor does not know (a `fields.<name>` entry, `title`) is kept as it is.
 */
export interface InteractionRequirement {
  /** Left out: any kind counts. */
  kind?: string;
  fields?: string[];
}

export interface OutcomeRequirement {
  fields?: string[];
  interaction?: InteractionRequirement;
  /** A category of the `fileCategories` dictionary: a file of it must be attached to the deal. */
  file?: string;
}

export type StageRequires = Record<string, OutcomeRequirement>;

export const REQUIRABLE_DEAL_FIELDS = ['amount', 'source', 'client', 'contact', 'nextStep'] as const;
export const REQUIRABLE_INTERACTION_FIELDS = ['at', 'contact', 'topic', 'result'] as const;
export const INTERACTION_KINDS = ['call', 'meeting', 'email', 'note'] as const;

/** The setting as an object, or undefined when the activity has none (or something that is not an object). */
export function requiresOf(activity: Activity): StageRequires | undefined {
  const value = activity.requires;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as StageRequires) : undefined;
}

/** What one outcome requires; an empty object when nothing. */
export function requirementFor(activity: Activity, outcome: string): OutcomeRequirement {
  return requiresOf(activity)?.[outcome] ?? {};
}

/** An empty setting is dropped entirely (the server rejects an outcome that "requires nothing"). */
function tidy(requires: StageRequires): StageRequires | undefined {
  const out: StageRequires = {};
  for (const [outcome, req] of Object.entries(requires)) {
    const next: OutcomeRequirement = { ...req };
    if (!next.fields || next.fields.length === 0) delete next.fields;
    if (!next.interaction) delete next.interaction;
    else if (next.interaction.fields && next.interaction.fields.length === 0) {
      next.interaction = { ...next.interaction };
      delete next.interaction.fields;
    }
    if (!next.file) delete next.file;
    if (Object.keys(next).length > 0) out[outcome] = next;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Moves an outcome's requirement to its new name (used when the outcome is renamed). */
export function renameRequirement(
  requires: StageRequires | undefined,
  from: string,
  to: string,
): StageRequires | undefined {
  if (!requires || !(from in requires) || from === to) return requires;
  const out: StageRequires = {};
  for (const [outcome, req] of Object.entries(requires)) out[outcome === from ? to : outcome] = req;
  return out;
}

/** Drops an outcome's requirement (used when the outcome is removed). */
export function removeRequirement(
  requires: StageRequires | undefined,
  outcome: string,
): StageRequires | undefined {
  if (!requires || !(outcome in requires)) return requires;
  const rest = { ...requires };
  delete rest[outcome];
  return tidy(rest);
}

/** Requires (or stops requiring) a deal field before the outcome. */
export function toggleRequiredField(
  requires: StageRequires | undefined,
  outcome: string,
  field: string,
  on: boolean,
): StageRequires | undefined {
  const current = requires?.[outcome] ?? {};
  const fields = (current.fields ?? []).filter((f) => f !== field);
  if (on) fields.push(field);
  return tidy({ ...requires, [outcome]: { ...current, fields } });
}

/**
 * Sets the interaction an outcome needs: `null` needs none, `''` any kind, otherwise that kind.
 * The fields asked of it are kept when only the kind changes.
 */
export function setInteractionKind(
  requires: StageRequires | undefined,
  outcome: string,
  kind: string | null,
): StageRequires | undefined {
  const current = requires?.[outcome] ?? {};
  if (kind === null) return tidy({ ...requires, [outcome]: { ...current, interaction: undefined } });
  const interaction: InteractionRequirement = { ...current.interaction };
  if (kind) interaction.kind = kind;
  else delete interaction.kind;
  return tidy({ ...requires, [outcome]: { ...current, interaction } });
}

/** Asks (or stops asking) the required interaction for one of its fields; needs an interaction set first. */
export function toggleInteractionField(
  requires: StageRequires | undefined,
  outcome: string,
  field: string,
  on: boolean,
): StageRequires | undefined {
  const current = requires?.[outcome];
  if (!current?.interaction) return requires;
  const fields = (current.interaction.fields ?? []).filter((f) => f !== field);
  if (on) fields.push(field);
  return tidy({ ...requires, [outcome]: { ...current, interaction: { ...current.interaction, fields } } });
}

/** Requires a file of a category before the outcome (`null` requires none). */
export function setRequiredFile(
  requires: StageRequires | undefined,
  outcome: string,
  category: string | null,
): StageRequires | undefined {
  const current = requires?.[outcome] ?? {};
  return tidy({ ...requires, [outcome]: { ...current, file: category ?? undefined } });
}
