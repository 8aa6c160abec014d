import type { CellValue, RawRow } from '../../load/index.js';
import type { Field } from '../schema.js';
import { foldLabel } from '../text.js';
import type { Vocabularies } from '../vocabulary.js';
import { parseFrequency, stripStageNumbering } from '../vocabulary.js';
import { isTimingWord } from '../normalize/stages.js';
import { MAX_VALUE_LENGTH, calendarDate, cellText, dayFromText, readChannels } from '../normalize/values.js';
import { readLenient } from './lenient.js';

/**
 * What a column's cells hold, counted over a sample of its rows: how many read as channels, timings,
 * modes, directions, statuses, known stages, team names, people's names, percentages; how many
 * distinct values and how they run down the table. A person reading a table decides what a column is
 * from this as much as from its header; so does journey (assign.ts).
 */
export interface ColumnEvidence {
  /** Non-blank cells looked at. */
  cells: number;
  distinct: number;
  /** Mean length of the cells' text. */
  meanLength: number;
  /** Cells equal to the non-blank cell above them: stages and teams run down a table in blocks. */
  repeats: number;
  channel: number;
  /** Of the channels, cells that are nothing but channel names ("Email", "Email + SMS"). */
  channelNames: number;
  timing: number;
  /** Of the timings, calendar dates and date-times. */
  dates: number;
  mode: number;
  direction: number;
  status: number;
  stage: number;
  team: number;
  person: number;
  cadence: number;
  numbers: number;
  percents: number;
  /** The most frequent value of each kind, for inspect's "why": `"Automated" ×11`. */
  examples: Partial<Record<EvidenceKind, { text: string; count: number }>>;
}

/** The kinds of evidence a cell can give. */
export type EvidenceKind = 'channel' | 'timing' | 'mode' | 'direction' | 'status' | 'stage' | 'team' | 'person' | 'cadence';

// Words of team names ("Customer Success", "CS Ops", "Legal/Sales", "Marketing", "Vertrieb", "Ventas"): a column of these is a team.
const TEAM_WORDS = new Set([
  'marketing',
  'sales',
  'success',
  'cs',
  'csm',
  'csms',
  'support',
  'product',
  'growth',
  'lifecycle',
  'crm',
  'ops',
  'operations',
  'revops',
  'finance',
  'billing',
  'legal',
  'engineering',
  'eng',
  'design',
  'ux',
  'cx',
  'service',
  'services',
  'onboarding',
  'enablement',
  'partnerships',
  'community',
  'content',
  'brand',
  'demand',
  'gen',
  'team',
  'hr',
  'it',
  'security',
  'account',
  'management',
  'am',
  'sdr',
  'bdr',
  'ae',
  'pr',
  'communications',
  'comms',
  'training',
  'education',
  'docs',
  'retention',
  'implementation',
  'professional',
  'leadership',
  'executive',
  'exec',
  'customer',
  'experience',
  'digital',
  'web',
  'data',
  'analytics',
  'ecommerce',
  'e-commerce',
  'store',
  'field',
  'inside',
  'channel',
  'partner',
  'renewals',
  'solutions',
  'consulting',
  'pmm',
  'mktg',
  'devrel',
  'pm',
  'tam',
  'se',
  'csa',
  'ventas',
  'soporte',
  'atencion',
  'producto',
  'finanzas',
  'recepcion',
  'vendas',
  'suporte',
  'atendimento',
  'produto',
  'financeiro',
  'comercial',
  'ventes',
  'produit',
  'vertrieb',
  'kundenservice',
  'kundendienst',
  'produktmanagement',
  'buchhaltung',
  'personal',
  'vendite',
  'assistenza',
  'prodotto',
  'verkoop',
  'klantenservice',
  'receptie',
  'front',
  'desk',
  'office',
  'ops',
  'concierge',
  'staff',
  'team',
  'equipo',
  'equipe',
  'ecomm',
  'growth',
  '営業',
  'マーケティング',
  'カスタマーサクセス',
  'サポート',
  '開発',
  '広報',
]);
// A person's name as written in an owner column: "Priya Shah", "J. Ortiz", "Anna", an e-mail address.
// A single capitalized word ("Telefon", "Click", "Alta") is no evidence: most cells of any column are one.
const PERSON = /^\p{Lu}\p{Ll}+(?: \p{Lu}\.?)?(?: \p{Lu}[\p{Ll}'-]+)+$|^\p{Lu}\. ?\p{Lu}[\p{Ll}'-]+$|^[^\s@]+@[^\s@]+\.[a-z]{2,}$|^@[\w.-]+$/u;
const PERCENT = /^[+-]?\d+(?:[.,]\d+)?\s?%$/;
// Yes and no, with a note or not ("Yes (PM + PO)", "Não"): the answer to whatever the header asks ("Approval
// required?", "Coupon?", "Automated?"). Only a header that asks about automation makes them a mode, so they are
// no mode evidence of their own.
const YES_NO = /^(?:yes|no|y|n|true|false|si|sí|sim|nao|não|oui|non|ja|nein|nee|sì|はい|いいえ|有|無|是|否|✓|✔|✗|x)(?:\s*[(\-–—:,].*)?$/iu;

/** Counts what the cells of column `column` hold, over the rows given (the header's rows below it). */
export function columnEvidence(rows: readonly RawRow[], column: number, vocabularies: Vocabularies): ColumnEvidence {
  const evidence: ColumnEvidence = {
    cells: 0,
    distinct: 0,
    meanLength: 0,
    repeats: 0,
    channel: 0,
    channelNames: 0,
    timing: 0,
    dates: 0,
    mode: 0,
    direction: 0,
    status: 0,
    stage: 0,
    team: 0,
    person: 0,
    cadence: 0,
    numbers: 0,
    percents: 0,
    examples: {},
  };
  const seen = new Map<string, number>();
  const kinds = new Map<EvidenceKind, Map<string, number>>();
  const note = (kind: EvidenceKind, text: string) => {
    let counts = kinds.get(kind);
    if (!counts) kinds.set(kind, (counts = new Map()));
    counts.set(text, (counts.get(text) ?? 0) + 1);
  };
  let previous: string | null = null;
  let length = 0;
  for (const row of rows) {
    const value = row.cells[column];
    const text = cellText(value);
    if (text === null) continue;
    evidence.cells++;
    length += Math.min(text.length, 500);
    const key = foldLabel(text.slice(0, MAX_VALUE_LENGTH));
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (previous !== null && key === previous) evidence.repeats++;
    previous = key;
    read(value, text, vocabularies, evidence, note);
  }
  evidence.distinct = seen.size;
  evidence.meanLength = evidence.cells === 0 ? 0 : length / evidence.cells;
  for (const [kind, counts] of kinds) {
    let best: { text: string; count: number } | undefined;
    for (const [text, count] of counts) if (!best || count > best.count) best = { text, count };
    if (best) evidence.examples[kind] = best;
  }
  return evidence;
}

/** Adds what one cell holds to the column's evidence. */
function read(
  value: CellValue | undefined,
  text: string,
  vocabularies: Vocabularies,
  evidence: ColumnEvidence,
  note: (kind: EvidenceKind, text: string) => void,
): void {
  if (typeof value === 'number' || /^[+-]?\d+(?:[.,]\d+)?$/.test(text)) evidence.numbers++;
  if (PERCENT.test(text)) evidence.percents++;
  if (text.length > MAX_VALUE_LENGTH) return;
  const date = calendarDate(value ?? null);
  if (date !== null) {
    evidence.timing++;
    evidence.dates++;
    note('timing', text);
    return;
  }
  // A bare number is a day only together with other timings: a column of counts is no timeline.
  const day = typeof value === 'number' ? null : dayFromText(text.toLowerCase());
  if ((day !== null && !/^[+-]?\d+(?:\.\d+)?$/.test(text)) || isTimingWord(text)) {
    evidence.timing++;
    note('timing', text);
  }
  const channels = readChannels(vocabularies.channels, text);
  // "Email", "Email + SMS" are channel names; "Stuurgroep overleg" is a channel only by its head word, as "Schedule
  // kickoff meeting" would be: in a column no header calls the channel, that is no evidence.
  const named = channels.ids.length > 0 && channels.unknown.length === 0 && channels.byHead === undefined;
  if (named) evidence.channelNames++;
  if (named || leadingChannel(vocabularies, text)) {
    evidence.channel++;
    note('channel', text);
  }
  if (!YES_NO.test(text) && readLenient(vocabularies.modes, text) !== null) {
    evidence.mode++;
    note('mode', text);
  }
  if (readLenient(vocabularies.directions, text) !== null) {
    evidence.direction++;
    note('direction', text);
  }
  if (vocabularies.statuses.lookup(text) !== null) {
    evidence.status++;
    note('status', text);
  }
  if (vocabularies.stages.lookup(stripStageNumbering(text)) !== null) {
    evidence.stage++;
    note('stage', text);
  }
  if (parseFrequency(text).recurring) {
    evidence.cadence++;
    note('cadence', text);
  }
  const words = text
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .filter(Boolean);
  const teamish =
    words.length > 0 &&
    words.length <= 4 &&
    words.every((word) => TEAM_WORDS.has(word) || word === 'and' || word === 'y' || word === 'e' || word === 'et' || word === 'und');
  if (teamish) {
    evidence.team++;
    note('team', text);
  } else if (PERSON.test(text) && !words.some((word) => TEAM_WORDS.has(word))) {
    evidence.person++;
    note('person', text);
  }
}

/** True when a cell starts with a channel's name: "Slack #releases", "Email masivo", "Banner en panel", "Push + canal preferido". */
function leadingChannel(vocabularies: Vocabularies, text: string): boolean {
  const words = text.split(/[\s+/,&;]+/).filter(Boolean);
  if (words.length < 2 || words.length > 8) return false;
  return vocabularies.channels.lookup(words[0]!) !== null || vocabularies.channels.lookup(`${words[0]} ${words[1]}`) !== null;
}

/** A field's share of a column's cells that read as it (0 when the column is blank). */
export function share(evidence: ColumnEvidence, kind: EvidenceKind): number {
  return evidence.cells === 0 ? 0 : evidence[kind] / evidence.cells;
}

/** The evidence kind that speaks for a field, if any. */
export const KIND_OF_FIELD: Partial<Record<Field, EvidenceKind>> = {
  channel: 'channel',
  day: 'timing',
  mode: 'mode',
  direction: 'direction',
  status: 'status',
  stage: 'stage',
  team: 'team',
  owner: 'person',
  frequency: 'cadence',
};
