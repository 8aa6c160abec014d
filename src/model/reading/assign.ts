import type { CellValue, RawRow } from '../../load/index.js';
import { HEADER_STRENGTH, WEAK_STRENGTH, type ColumnMatcher } from '../columns.js';
import type { Field } from '../schema.js';
import type { Vocabularies } from '../vocabulary.js';
import { cellText } from '../normalize/values.js';
import { columnEvidence, share, type ColumnEvidence, type EvidenceKind } from './evidence.js';
import { otherTableKind } from './other-tables.js';

/**
 * Deciding what each column of a table is, from all the evidence, as a person reading it does: its
 * header (the config's names pin a column; journey's lexicon names it whole or in part) and what its
 * cells hold (evidence.ts). Each field goes to one column at most; among the columns no header names,
 * the strongest evidence is taken first, so the assignment maximizes the evidence it uses.
 */

/** Why a column was read as its field (or as none), for `journey inspect`. */
export interface ColumnDecision {
  column: number;
  header: string;
  field: Field | null;
  /** How it was decided: the config pins it, its header names it, its cells say so, or nothing did. */
  by: 'config' | 'header' | 'cells' | 'none';
  /** What spoke for it, in words: `header word "touch"`, `"Automated" ×11`, `48 distinct short texts`. */
  because: string[];
  score: number;
}

/** A table's columns as decided: each field's 0-based column, header cells that name a field again, and every column's decision. */
export interface ColumnAssignment {
  columns: Partial<Record<Field, number>>;
  duplicates: { field: Field; column: number }[];
  decisions: ColumnDecision[];
  /** The sum of the scores of the columns given a field: how well the table reads with this header row. */
  total: number;
  /**
   * What the table is when its headers say it is something else (a price list, a changelog, meeting notes)
   * and no header names its touchpoints outright: only its cells made it look like an inventory.
   */
  looksLike?: { kind: string; headers: string[] };
}

// A column whose header names one field but whose cells are, nearly all, words of a closed set is that set's field:
// an "Owner" column holding "Automated" is the mode. Touchpoint, stage and day headers are never overridden.
const OVERRIDABLE = new Set<Field>(['owner', 'team', 'notes', 'kpi', 'persona', 'frequency', 'mode', 'direction', 'status', 'channel', 'audience']);
const CLOSED: [Field, EvidenceKind][] = [
  ['mode', 'mode'],
  ['direction', 'direction'],
  ['channel', 'channel'],
  ['status', 'status'],
  ['day', 'timing'],
];
const OVERRIDE_SHARE = 0.7;

/** Evidence-only scores per field; a column's best one above its floor can give it a field no header names. */
function cellScores(evidence: ColumnEvidence, column: number): { field: Field; score: number; because: string }[] {
  const scores: { field: Field; score: number; because: string }[] = [];
  if (evidence.cells < 2) return scores;
  const shown = (kind: EvidenceKind) => {
    const example = evidence.examples[kind];
    return example ? `"${example.text}" ×${example.count}` : kind;
  };
  const add = (field: Field, kind: EvidenceKind, floor: number, weight: number) => {
    const s = share(evidence, kind);
    if (s >= floor)
      scores.push({
        field,
        score: weight * s,
        because: `${shown(kind)}; ${evidence[kind]} of ${evidence.cells} cells read as ${kind === 'person' ? "people's names" : kind === 'timing' ? 'timings' : kind === 'team' ? 'team names' : kind === 'cadence' ? 'cadences' : `${kind}s`}`,
      });
  };
  // "Mostly": more than half the cells, so one known word in a column of two is no evidence.
  add('channel', 'channel', 0.6, 10);
  add('day', 'timing', 0.6, 10);
  add('mode', 'mode', 0.6, 10);
  add('direction', 'direction', 0.6, 10);
  add('status', 'status', 0.6, 9);
  add('frequency', 'cadence', 0.6, 8);
  add('team', 'team', 0.6, 8);
  if (evidence.distinct >= 2) add('owner', 'person', 0.6, 6);
  // Channel names ("Email", "SMS") are no touchpoint names; "Email di benvenuto", "Webinar introduttivo" are, though they start with one.
  const textual =
    evidence.numbers / evidence.cells < 0.3 &&
    share(evidence, 'timing') < 0.5 &&
    evidence.channelNames / evidence.cells < 0.5 &&
    share(evidence, 'mode') < 0.5 &&
    share(evidence, 'direction') < 0.5;
  if (share(evidence, 'stage') >= 0.7) add('stage', 'stage', 0.7, 10);
  else if (
    textual &&
    evidence.cells >= 5 &&
    evidence.distinct >= 2 &&
    evidence.distinct <= Math.max(2, evidence.cells / 3) &&
    evidence.meanLength <= 40 &&
    evidence.repeats / evidence.cells >= 0.3 &&
    share(evidence, 'team') < 0.5 &&
    share(evidence, 'person') < 0.5
  ) {
    scores.push({ field: 'stage', score: 5, because: `${evidence.distinct} distinct values in runs down ${evidence.cells} rows` });
  }
  const distinctShare = evidence.distinct / evidence.cells;
  if (textual && distinctShare >= 0.6 && evidence.meanLength >= 2 && evidence.meanLength <= 80) {
    // The leftmost such column is the likelier name: tables put what a row is about first.
    scores.push({
      field: 'touchpoint',
      score: 4 + 4 * distinctShare - Math.min(column, 20) * 0.05,
      because: `${evidence.distinct} distinct short texts of ${evidence.cells}`,
    });
  }
  return scores;
}

const SAMPLE_ROWS = 200;

/** Decides the columns of a table whose header row is `header`, from the header and the rows below it. */
export function assignColumns(header: readonly CellValue[], body: readonly RawRow[], matcher: ColumnMatcher, vocabularies: Vocabularies): ColumnAssignment {
  const sample = body.slice(0, SAMPLE_ROWS);
  const evidence: (ColumnEvidence | undefined)[] = [];
  const evidenceOf = (column: number) => (evidence[column] ??= columnEvidence(sample, column, vocabularies));
  const columns: Partial<Record<Field, number>> = {};
  const duplicates: { field: Field; column: number }[] = [];
  const decisions: ColumnDecision[] = header.map((value, column) => ({
    column,
    header: cellText(value) ?? '',
    field: null,
    by: 'none',
    because: [],
    score: 0,
  }));
  const give = (column: number, field: Field, by: ColumnDecision['by'], because: string, score: number) => {
    columns[field] = column;
    Object.assign(decisions[column]!, { field, by, score });
    decisions[column]!.because.push(because);
  };
  const candidates = header.map((value) => matcher.candidates(value));
  const headerNamed = new Set(candidates.flatMap((list) => list.filter((c) => c.strength >= HEADER_STRENGTH).map((c) => c.field)));

  // 1. The config pins a column, and wins.
  header.forEach((value, column) => {
    const field = matcher.pinned(value);
    if (field === null) return;
    if (columns[field] === undefined) give(column, field, 'config', `config columns.${field}`, 20);
    else duplicates.push({ field, column });
  });
  // 2. Headers that name a field as a whole, unless the cells say it is another closed field.
  header.forEach((_, column) => {
    if (decisions[column]!.by !== 'none') return;
    const named = candidates[column]!.find((c) => c.strength >= HEADER_STRENGTH);
    if (!named) return;
    let field = named.field;
    let because = `header "${decisions[column]!.header}"`;
    if (OVERRIDABLE.has(field)) {
      const cells = evidenceOf(column);
      const own = overrideKind(field);
      for (const [other, kind] of CLOSED) {
        if (other === field || headerNamed.has(other) || columns[other] !== undefined) continue;
        if (share(cells, kind) >= OVERRIDE_SHARE && (own === null || share(cells, own) < 0.3)) {
          because = `header "${decisions[column]!.header}" says ${field}, but ${cells.examples[kind] ? `"${cells.examples[kind]!.text}" ×${cells.examples[kind]!.count}` : kind}`;
          field = other;
          break;
        }
      }
      // An Audience column of segment names ("All customers", "Admins") is who the touchpoint is for, not a count.
      if (field === 'audience' && !headerNamed.has('persona') && cells.cells >= 2 && cells.numbers === 0) {
        because = `header "${decisions[column]!.header}", and its cells are names, not counts`;
        field = 'persona';
      }
      // An Owner column of team names ("Customer Success", "CS") is the team.
      if (field === 'owner' && !headerNamed.has('team') && share(cells, 'team') >= 0.5 && cells.team > cells.person) {
        because = `header "${decisions[column]!.header}", and its cells are team names (${cells.examples.team ? `"${cells.examples.team.text}" ×${cells.examples.team.count}` : 'team'})`;
        field = 'team';
      }
    }
    if (columns[field] === undefined) give(column, field, field === named.field ? 'header' : 'cells', because, HEADER_STRENGTH);
    else if (field === named.field) duplicates.push({ field, column });
  });
  // 3. Headers that name a field in a part: "HOW (Channel/Tactic)", "WHEN (Date/Phase)".
  header.forEach((_, column) => {
    if (decisions[column]!.by !== 'none') return;
    const part = candidates[column]!.find((c) => c.strength > WEAK_STRENGTH && c.strength < HEADER_STRENGTH && columns[c.field] === undefined);
    if (part) give(column, part.field, 'header', `header word in "${decisions[column]!.header}"`, part.strength);
  });
  // 4. Weak header words ("Action", "Content", "Who", "To whom", "Tipo") for what is left; a weak word for a
  // closed set needs some support from the cells ("Tipo" over a column of event names is no mode).
  header.forEach((_, column) => {
    if (decisions[column]!.by !== 'none') return;
    const weak = candidates[column]!.find((c) => c.strength <= WEAK_STRENGTH && columns[c.field] === undefined);
    if (!weak) return;
    const kind = CLOSED.find(([field]) => field === weak.field)?.[1];
    if (kind !== undefined && evidenceOf(column).cells > 0 && share(evidenceOf(column), kind) < 0.3) return;
    give(column, weak.field, 'header', `header word in "${decisions[column]!.header}"`, weak.strength);
  });
  // 5. The columns no header names: the strongest cell evidence first, each field once.
  const offers: { column: number; field: Field; score: number; because: string }[] = [];
  header.forEach((_, column) => {
    if (decisions[column]!.by !== 'none') return;
    for (const offer of cellScores(evidenceOf(column), column)) offers.push({ column, ...offer });
  });
  offers.sort((a, b) => b.score - a.score || a.column - b.column);
  for (const offer of offers) {
    if (decisions[offer.column]!.by !== 'none' || columns[offer.field] !== undefined) continue;
    give(offer.column, offer.field, 'cells', offer.because, offer.score);
  }
  // 6. Still no touchpoints: a column a weak word called the stage ("Milestone") whose values are each
  // different ("Kickoff call", "Go-live mail") names the touchpoints, not phases.
  const weakStage = columns.stage;
  if (columns.touchpoint === undefined && weakStage !== undefined && decisions[weakStage]!.by === 'header' && decisions[weakStage]!.score <= WEAK_STRENGTH) {
    const cells = evidenceOf(weakStage);
    if (cells.cells >= 2 && cells.distinct / cells.cells >= 0.8) {
      delete columns.stage;
      decisions[weakStage]!.because = [
        `header word in "${decisions[weakStage]!.header}", and its ${cells.distinct} values of ${cells.cells} are distinct: they name touchpoints, not phases`,
      ];
      give(weakStage, 'touchpoint', 'cells', '', decisions[weakStage]!.score);
      decisions[weakStage]!.because = decisions[weakStage]!.because.filter(Boolean);
    }
  }
  // 7. Still no touchpoints: a Channel column of distinct names ("Email + Slack #exec", "Intranet page",
  // "Stuurgroep overleg") names the communications themselves; their names give the channel.
  const channel = columns.channel;
  if (columns.touchpoint === undefined && channel !== undefined) {
    const cells = evidenceOf(channel);
    // A list of channel names ("Email", "SMS", "Push": a dropdown's choices) names no communications.
    if (cells.cells >= 2 && cells.distinct / cells.cells >= 0.8 && cells.channelNames * 2 < cells.cells) {
      delete columns.channel;
      decisions[channel]!.because.push(
        `no other column names the touchpoints, and its ${cells.distinct} values of ${cells.cells} are distinct: they name them, and give their channel`,
      );
      give(channel, 'touchpoint', 'cells', '', decisions[channel]!.score);
      decisions[channel]!.because = decisions[channel]!.because.filter(Boolean);
    }
  }
  for (const decision of decisions) {
    if (decision.by !== 'none' || decision.header === '') continue;
    const cells = evidence[decision.column];
    if (cells && cells.cells === 0) decision.because.push('no values');
  }
  const total = decisions.reduce((sum, decision) => sum + decision.score, 0);
  const touchpoint = columns.touchpoint === undefined ? undefined : decisions[columns.touchpoint]!;
  if (touchpoint === undefined || touchpoint.by === 'cells' || (touchpoint.by === 'header' && touchpoint.score <= WEAK_STRENGTH)) {
    const other = otherTableKind(header);
    if (other !== null) return { columns, duplicates, decisions, total, looksLike: other };
  }
  return { columns, duplicates, decisions, total };
}

/** The evidence kind a header's own field is supported by, when it has one. */
function overrideKind(field: Field): EvidenceKind | null {
  return field === 'owner'
    ? 'person'
    : field === 'team'
      ? 'team'
      : field === 'frequency'
        ? 'cadence'
        : field === 'mode' || field === 'direction' || field === 'status' || field === 'channel'
          ? field
          : null;
}

/** A row that could be a header: two or more short text cells, hardly any numbers. */
export function couldBeHeader(row: RawRow): boolean {
  let texts = 0;
  let numbers = 0;
  for (const value of row.cells) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'number' || value instanceof Date) numbers++;
    else if (typeof value === 'string') {
      const text = cellText(value);
      if (text === null) continue;
      if (text.length > 80) return false;
      texts++;
    }
  }
  return texts >= 2 && numbers <= 1;
}

/** A table's header row as decided, and its columns. */
export interface TableHeader extends ColumnAssignment {
  /** Index of the header among the rows looked at, and its row number. */
  rowIndex: number;
  row: number;
}

/**
 * Finds a table's header among its first rows and decides its columns. The row naming the most known
 * fields is taken when its columns make an inventory; otherwise each row that could be a header is
 * tried and the one whose columns read best is taken (a data row taken for a header is marked down for
 * each of its cells that reads as a value). Returns the lexicon's row, incomplete, when no row makes an
 * inventory, and null when no row could be a header.
 */
export function findTableHeader(
  rows: readonly RawRow[],
  byWords: { rowIndex: number } | null,
  matcher: ColumnMatcher,
  vocabularies: Vocabularies,
  options: { searchRows: number; firstRowOnly: boolean; complete: (columns: Partial<Record<Field, number>>) => boolean },
): TableHeader | null {
  const at = (rowIndex: number): TableHeader => {
    const width = rows[rowIndex]!.cells.length;
    const body = rows.slice(rowIndex + 1).filter((row) => !isSectionRow(row, width));
    return { rowIndex, row: rows[rowIndex]!.row, ...assignColumns(rows[rowIndex]!.cells, body, matcher, vocabularies) };
  };
  const lexicon = byWords === null ? null : at(byWords.rowIndex);
  // Rows above the one the lexicon names are tried too: a data row may hold header words ("Email",
  // "Lifecycle") under a header of words journey does not know. A row whose cells read as values is marked down.
  let best: { header: TableHeader; score: number } | null =
    lexicon !== null && options.complete(lexicon.columns)
      ? { header: lexicon, score: lexicon.total - 3 * valueCells(rows[lexicon.rowIndex]!, vocabularies) }
      : null;
  const limit = options.firstRowOnly ? Math.min(1, rows.length) : Math.min(rows.length, lexicon !== null ? lexicon.rowIndex : options.searchRows);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    if (!couldBeHeader(rows[rowIndex]!)) continue;
    const header = at(rowIndex);
    if (!options.complete(header.columns)) continue;
    const score = header.total - 3 * valueCells(rows[rowIndex]!, vocabularies);
    if (best === null || score > best.score) best = { header, score };
  }
  if (best === null && lexicon === null) {
    // No lexicon row: any row among the first may be the header.
    for (let rowIndex = limit; rowIndex < Math.min(rows.length, options.firstRowOnly ? 1 : options.searchRows); rowIndex++) {
      if (!couldBeHeader(rows[rowIndex]!)) continue;
      const header = at(rowIndex);
      if (!options.complete(header.columns)) continue;
      const score = header.total - 3 * valueCells(rows[rowIndex]!, vocabularies);
      if (best === null || score > best.score) best = { header, score };
    }
  }
  if (best !== null) return best.header;
  if (lexicon !== null) return lexicon;
  // No row makes an inventory: the first row whose header names a field is the best guess, so the
  // refusal names its headers and inspect shows how each column was read.
  for (let rowIndex = 0; rowIndex < Math.min(rows.length, options.firstRowOnly ? 1 : options.searchRows); rowIndex++) {
    if (!couldBeHeader(rows[rowIndex]!)) continue;
    const header = at(rowIndex);
    if (header.decisions.some((decision) => decision.by === 'header' || decision.by === 'config')) return header;
  }
  return null;
}

/** Cells of a row that read as values (a channel, a timing, a mode): a header holds names, not these. */
function valueCells(row: RawRow, vocabularies: Vocabularies): number {
  let count = 0;
  row.cells.forEach((_, column) => {
    const cells = columnEvidence([row], column, vocabularies);
    if (cells.channel + cells.timing + cells.mode + cells.direction + cells.stage > 0) count++;
  });
  return count;
}

/**
 * A section row: one text in a table of three or more columns, in one cell or merged across several
 * (a workbook's merged range repeats its text in each cell): "Future state", "Phase 2 — Onboarding".
 */
export function isSectionRow(row: RawRow, width: number): boolean {
  if (width < 3) return false;
  let text: string | null = null;
  for (const value of row.cells) {
    const cell = cellText(value);
    if (cell === null) continue;
    if (typeof value !== 'string' || (text !== null && cell !== text)) return false;
    text = cell;
  }
  return text !== null;
}
