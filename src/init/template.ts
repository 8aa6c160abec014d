import type { Field, Channel, StageModel } from '../model/schema.js';
import { FIELD_LABEL } from '../model/columns.js';
import { FIELD_BY_ID, RATE_FIELDS } from '../model/fields.js';
import { closedVocabularyChoices } from '../model/vocabulary.js';
import { foldKey } from '../model/text.js';

/** A list of choices on the Lists sheet, reachable by a defined name that dropdowns read from. */
export interface TemplateList {
  /** The workbook's defined name for the list's cells (also what a dropdown's formula names). */
  name: string;
  header: string;
  values: string[];
}

/** What a column's cells accept; Excel and LibreOffice check it as the team types. */
export type Validation =
  | { kind: 'list'; list: string; strict: boolean }
  | { kind: 'whole'; min: number; max: number | null }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'date'; min: string };

/** One column of a persona sheet. */
export interface TemplateColumn {
  field: Field;
  header: string;
  /** The header cell's note: what goes in the column. */
  note: string;
  width: number;
  validation: Validation | null;
  /** What an invalid entry's error box says (Excel caps it at 255 characters). */
  error: string;
  /** Number format for the column's cells, when it has one. */
  numFmt: string | null;
}

/** The whole starter workbook, before any library writes it. */
export interface TemplateSpec {
  /** One sheet per persona, in order: persona name → sheet name. */
  sheets: { persona: string; sheet: string }[];
  columns: TemplateColumn[];
  lists: TemplateList[];
  /** Data rows (below the header) the validations cover. */
  rows: number;
}

/** What shapes the template: the resolved config's stage model, channels, column names and teams. */
export interface TemplateOptions {
  stageModel: StageModel;
  channels: readonly Channel[];
  /** The config's extra header names; a field's first one becomes its header, in the team's words. */
  columnNames: Partial<Record<Field, string[]>>;
  /** Teams for the team dropdown (from the config's stageOwners, the source inventory or the defaults). */
  teams: string[];
  personas: string[];
  /** Add a Persona column (when a persona's name cannot be a sheet name as written). */
  personaColumn?: boolean;
  /** Data rows to cover (at least DEFAULT_ROWS). */
  dataRows?: number;
}

export const LISTS_SHEET = 'Lists';
export const HOW_TO_SHEET = 'How to use';
export const DEFAULT_PERSONA = 'Persona';
export const DEFAULT_TEAMS = ['Marketing', 'Sales', 'Customer Success', 'Product', 'Support', 'Finance'];
/** Rows the dropdowns and checks cover in an empty template. */
export const DEFAULT_ROWS = 1000;

// The dropdowns offer every value journey reads (a Direction of "Both" was written by init --from into a
// cell whose dropdown offered only Inbound and Outbound): the lists come from the vocabularies.
export const MODE_CHOICES = closedVocabularyChoices('mode');
export const DIRECTION_CHOICES = closedVocabularyChoices('direction');
export const STATUS_CHOICES = closedVocabularyChoices('status');

/** The columns, in the order a team fills them in: what and where first, then timing, then figures, then upkeep. */
export const COLUMN_ORDER: readonly Field[] = [
  'stage',
  'touchpoint',
  'channel',
  'team',
  'mode',
  'direction',
  'day',
  'frequency',
  'kpi',
  'audience',
  'sent',
  'opens',
  'clicks',
  'conversion',
  'dropOff',
  'unsubscribe',
  'nps',
  'csat',
  'sentiment',
  'painPoint',
  'owner',
  'lastReviewed',
  'status',
  'notes',
];

const RATE_FIELD_IDS: readonly Field[] = RATE_FIELDS.map(([field]) => field);

/** Excel refuses a validation message longer than this. */
const MAX_MESSAGE = 255;

/** A message that fits Excel's limit: cut at the last whole choice, pointing at the Lists sheet for the rest. */
export function fitMessage(lead: string, choices: string[], tail = ''): string {
  const full = `${lead}${choices.join(', ')}${tail}`;
  if (full.length <= MAX_MESSAGE) return full;
  const more = `, … (see the ${LISTS_SHEET} sheet)${tail}`;
  let shown = '';
  for (const choice of choices) {
    const next = shown === '' ? choice : `${shown}, ${choice}`;
    if (lead.length + next.length + more.length > MAX_MESSAGE) break;
    shown = next;
  }
  return `${lead}${shown}${more}`.slice(0, MAX_MESSAGE);
}

/** Characters a sheet name cannot hold, and Excel's length limit. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_MAX = 31;

/** Sheet names for personas: legal in Excel, unique, and never one of the template's own sheets. */
export function personaSheets(personas: string[]): { persona: string; sheet: string }[] {
  const taken = new Set([foldKey(LISTS_SHEET), foldKey(HOW_TO_SHEET), 'history']);
  return personas.map((persona) => {
    // An apostrophe cannot start or end a sheet name.
    const base =
      persona
        .replace(SHEET_FORBIDDEN, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '')
        .slice(0, SHEET_MAX)
        .trim() || DEFAULT_PERSONA;
    let sheet = base;
    for (let n = 2; taken.has(sheet.toLowerCase()) || taken.has(foldKey(sheet)); n++) {
      const suffix = ` (${n})`;
      sheet = `${base.slice(0, SHEET_MAX - suffix.length).trim()}${suffix}`;
    }
    taken.add(sheet.toLowerCase());
    taken.add(foldKey(sheet));
    return { persona, sheet };
  });
}

/** The persona names `--personas` gives: comma-separated, trimmed, each once. */
export function parsePersonas(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => {
      const key = foldKey(name) || name;
      if (name === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Values once each, in first-seen order, ignoring case and punctuation. */
export function distinct(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = foldKey(value) || value;
    if (value.trim() !== '' && !seen.has(key)) seen.set(key, value);
  }
  return [...seen.values()];
}

/** Describes the starter workbook: sheets, columns in order with notes and checks, and the lists the dropdowns read. */
export function templateSpec(options: TemplateOptions): TemplateSpec {
  const stages = options.stageModel.stages.map((stage) => stage.label);
  const channels = options.channels.map((channel) => channel.label);
  const teams = distinct(options.teams.length > 0 ? options.teams : DEFAULT_TEAMS);
  const lists: TemplateList[] = [
    { name: 'Stages', header: 'Stage choices (in journey order)', values: stages },
    { name: 'Channels', header: 'Channel choices', values: channels },
    { name: 'Teams', header: 'Team choices', values: teams },
    { name: 'Modes', header: 'Mode choices', values: MODE_CHOICES },
    { name: 'Directions', header: 'Direction choices', values: DIRECTION_CHOICES },
    { name: 'Statuses', header: 'Status choices', values: STATUS_CHOICES },
  ];
  const listFor: Partial<Record<Field, TemplateList>> = {
    stage: lists[0],
    channel: lists[1],
    team: lists[2],
    mode: lists[3],
    direction: lists[4],
    status: lists[5],
  };
  const fields: Field[] = options.personaColumn ? ['persona', ...COLUMN_ORDER] : [...COLUMN_ORDER];

  const columns = fields.map((field): TemplateColumn => {
    const header = options.columnNames[field]?.[0] ?? FIELD_LABEL[field];
    const list = listFor[field];
    let validation: Validation | null = null;
    let error = '';
    let numFmt: string | null = null;
    if (list) {
      // Teams change more often than the stage model: another team is a warning the user can accept.
      const strict = field !== 'team';
      validation = { kind: 'list', list: list.name, strict };
      error = fitMessage(
        `Pick a ${FIELD_LABEL[field].toLowerCase()} from the list: `,
        list.values,
        strict ? '' : '. Another team is fine: press Yes to keep it.',
      );
    } else if (field === 'day') {
      validation = { kind: 'whole', min: 0, max: null };
      error = 'Day: a whole number of days from the start of the journey (0 or more), e.g. 14.';
    } else if (field === 'audience' || field === 'sent') {
      validation = { kind: 'whole', min: 0, max: null };
      error = `${FIELD_LABEL[field]}: a whole number, 0 or more.`;
    } else if (field === 'nps') {
      validation = { kind: 'whole', min: -100, max: 100 };
      error = 'NPS: a whole number from -100 to 100.';
    } else if (RATE_FIELD_IDS.includes(field)) {
      validation = { kind: 'decimal', min: 0, max: 1 };
      error = `${FIELD_LABEL[field]}: a percentage from 0% to 100%; type it with the % sign, e.g. 12%.`;
      numFmt = '0.0%';
    } else if (field === 'csat') {
      validation = { kind: 'decimal', min: 0, max: 100 };
      error = 'CSAT: a 1–5 score (e.g. 4.2) or a percentage (e.g. 84%).';
    } else if (field === 'lastReviewed') {
      validation = { kind: 'date', min: '2000-01-01' };
      error = 'Last reviewed: a date such as 2026-03-01.';
      numFmt = 'yyyy-mm-dd';
    }
    const { note, width = 12 } = FIELD_BY_ID[field].template;
    return { field, header, note, width: Math.max(width, header.length + 4), validation, error, numFmt };
  });

  const personas = options.personas.length > 0 ? options.personas : [DEFAULT_PERSONA];
  return { sheets: personaSheets(personas), columns, lists, rows: Math.max(DEFAULT_ROWS, (options.dataRows ?? 0) + 200) };
}

/** The "How to use" sheet's lines: building an inventory, step by step. */
export function howToLines(spec: TemplateSpec): string[] {
  const sheets = spec.sheets.map((s) => s.sheet).join(', ');
  return [
    'How to use this inventory',
    '',
    '1. Bring every team that talks to customers: marketing, sales, customer success, product, support, finance. Each knows touchpoints the others forget.',
    `2. Keep one sheet per persona (here: ${sheets}). Copy a sheet and rename it for another persona; the sheet name is the persona.`,
    '3. Write one row per communication the customer meets: emails, calls, in-app messages, help pages, invoices, events, even the error page.',
    '4. Give each row its stage, channel, team, mode (ongoing, automatic, manual) and direction (inbound, outbound), using the dropdowns.',
    '5. Add the day it happens (days from the start of the journey) and how often, then the KPI and any figures you have.',
    '6. Run: journey audit <this file>. It names the cell of every gap, duplicate, handoff lag and missing stage.',
    '',
    `The dropdowns read from the ${LISTS_SHEET} sheet. To add a choice, insert a cell inside a list (not below its last item) so the list's name grows with it.`,
    'Each header cell has a note saying what goes in the column. Leave the header row as it is; add columns to its right if you need more.',
  ];
}
