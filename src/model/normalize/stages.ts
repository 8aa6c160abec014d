import type { Location, Stage, StageModel, StageSource } from '../schema.js';
import { confidentTypo, foldKey, nearest } from '../text.js';
import { Vocabulary, stripStageNumbering } from '../vocabulary.js';
import { STAGE_MODELS } from '../stage-models.js';
import { MAX_VALUE_LENGTH, dayFromText } from './values.js';

/** When a touchpoint happens: its day offset, or the timing text that names none ("Ongoing", "Q3"). */
export interface Timing {
  day: number | null;
  timing: string | null;
}

/**
 * How a stage cell reads: a stage of the model in force, a timing written in the stage column, or unknown
 * (with the nearest stage's label, and `readAs`, the stage id the row is read as, when it is a confident typo of it).
 */
export type StageReading = { id: string } | { timing: Timing } | { unknown: string | null; readAs: string | null };

/** Most stages a file's own stage model can have; past this, new values are unknown (a column of free text is no stage model). */
export const MAX_OWN_STAGES = 24;

// Timings teams write where a stage goes: "Ongoing", "Any time", "Q3" (days such as "Week 1" are read by dayFromText).
const TIMING_WORDS =
  /^(?:ongoing|on ?-?going|any ?time|always|always on|always-on|continuous(?:ly)?|as needed|as-needed|on demand|on-demand|on request|recurring|throughout|evergreen|q[1-4]|h[12]|year \d{1,2}|yearly|annually|monthly|weekly|bi-?weekly|fortnightly|daily|quarterly|ad hoc|ad-hoc|seasonal|tbd|tbc|n\/a|continuo|contínuo|continua|contínua|siempre|sempre|permanente|en curso|a demanda|bajo demanda|sob demanda|segun necesidad|según necesidad|al bisogno|nach bedarf|laufend|fortlaufend|jederzeit|en continu|permanent|a la demande|à la demande|doorlopend|continu|op aanvraag|indien nodig|随時|常時|通年)$/i;

/** True for words that say when or how often without naming a day ("Ongoing", "Monthly", "Q3", "As needed"): timing, never a mistake. */
export function isTimingWord(text: string): boolean {
  return text.length <= MAX_VALUE_LENGTH && TIMING_WORDS.test(text);
}

// Timings that mean the touchpoint is always there: a row with no mode of its own is ongoing.
const ALWAYS =
  /^(?:ongoing|on ?-?going|any ?time|always|always on|always-on|continuous(?:ly)?|evergreen|on demand|on-demand|throughout|continuo|contínuo|continua|contínua|siempre|sempre|permanente|laufend|fortlaufend|jederzeit|en continu|permanent|doorlopend|continu|随時|常時|通年)$/i;

/** True when timing words say the touchpoint is always available ("Ongoing", "Always on", "Any time"). */
export function isAlwaysOn(text: string): boolean {
  return text.length <= MAX_VALUE_LENGTH && ALWAYS.test(text);
}

/** A stage cell's text read as a timing (a day or timing words), or null when it is none. */
export function stageTiming(text: string): Timing | null {
  if (text.length > MAX_VALUE_LENGTH) return null;
  const day = dayFromText(text);
  if (day !== null) return Number.isInteger(day) && day >= 0 ? { day, timing: null } : null;
  return TIMING_WORDS.test(text) ? { day: null, timing: text } : null;
}

/**
 * The named stage model whose stage names (ids and labels, not synonyms) are every one of the values,
 * when at least three of them and some are not names of the configured model's stages.
 */
function namedModelOf(values: readonly string[], configured: StageModel): { name: string; model: StageModel } | null {
  if (values.length < 3) return null;
  const names = (model: StageModel) => new Set(model.stages.flatMap((stage) => [foldKey(stage.id), foldKey(stage.label)]));
  const keys = values.map((value) => foldKey(value));
  const configuredNames = names(configured);
  if (keys.every((key) => configuredNames.has(key))) return null;
  for (const [name, { model }] of Object.entries(STAGE_MODELS)) {
    const own = names(model);
    if (keys.every((key) => own.has(key))) return { name, model };
  }
  return null;
}

/** A stage id from a label: lower-case kebab-case ("Check-in" → "check-in"), "stage" when nothing is left. */
function stageId(label: string): string {
  const id = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' || !/^[a-z0-9]/.test(id) ? 'stage' : id.slice(0, 40);
}

/**
 * Reads stage cells against the stage model in force. Unless the config pins a model, the first table
 * with stage values decides whether they are the configured model's stages or the file's own: when most
 * of them are unknown to it, or some are and, with the distinct values that fall on one of its stages
 * (Booking and Payment both reading as Decision), they are most of the distinct values, the file's values
 * become the stage model, in the order they first appear.
 */
export class StageReader {
  private vocabulary: Vocabulary<string>;
  private own: Stage[] | null = null;
  /** A named stage model whose stage names the file uses, when it is not the configured one. */
  private preset: { name: string; model: StageModel } | null = null;
  private decided: boolean;
  private ownLocation: Location | null = null;

  /** `vocabulary` reads the configured model's stages (the normalizer's, built once). */
  constructor(
    private readonly configured: StageModel,
    private readonly source: Omit<StageSource, 'location'>,
    vocabulary: Vocabulary<string> = new Vocabulary(configured.stages),
  ) {
    this.vocabulary = vocabulary;
    this.decided = source.kind === 'config';
  }

  /** The stage model in force and where it came from. */
  result(): { stageModel: StageModel; stageSource: StageSource } {
    if (this.preset !== null) return { stageModel: this.preset.model, stageSource: { kind: 'file', name: this.preset.name, location: this.ownLocation } };
    if (this.own !== null) return { stageModel: { stages: this.own }, stageSource: { kind: 'file', name: 'custom', location: this.ownLocation } };
    return { stageModel: this.configured, stageSource: { ...this.source, location: null } };
  }

  /**
   * Looks at a table's first stage cells (as written) to decide, once, which stage model applies;
   * `location` is the table's stage header cell, named by the note that says the file's own was used.
   */
  decide(texts: readonly string[], location: Location): void {
    if (this.decided) return;
    const keys: string[] = [];
    for (const text of texts) {
      if (text.length > MAX_VALUE_LENGTH || stageTiming(text) !== null) continue;
      const key = stripStageNumbering(text);
      if (foldKey(key) !== '') keys.push(key);
    }
    if (keys.length < 2) return;
    this.decided = true;
    const distinct = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const key of keys) {
      const folded = foldKey(key);
      if (!distinct.has(folded)) distinct.set(folded, key);
      counts.set(folded, (counts.get(folded) ?? 0) + 1);
    }
    // A value that is a confident typo of one written as often or more ("Reseva" beside "Reserva") is no stage of its own.
    const folds = [...distinct.keys()];
    for (const [i, folded] of folds.entries()) {
      const others = folds.filter(
        (other, j) => other !== folded && (counts.get(other)! > counts.get(folded)! || (counts.get(other) === counts.get(folded) && j < i)),
      );
      if (confidentTypo(folded, others) !== null) distinct.delete(folded);
    }
    if (distinct.size < 2 || distinct.size > MAX_OWN_STAGES) return;
    // Stage names of a named model (AARRR's Acquisition, Activation, Revenue...) that the configured one lacks: that model.
    const named = namedModelOf([...distinct.values()], this.configured);
    if (named !== null) {
      this.preset = named;
      this.ownLocation = location;
      this.vocabulary = new Vocabulary(named.model.stages);
      return;
    }
    // Free text is not a stage model: many distinct values should repeat, unless each is a short phase name
    // (an airline's Discovery, Search, Selection, Booking ... Post-flight, each written once).
    const words = [...distinct.values()].reduce((sum, key) => sum + key.split(/\s+/).length, 0) / distinct.size;
    if (distinct.size > 8 && keys.length < distinct.size * 1.5 && words > 2) return;
    const unknownCells = keys.filter((key) => this.vocabulary.lookup(key) === null).length;
    const byId = new Map<string, number>();
    for (const key of distinct.values()) {
      const id = this.vocabulary.lookup(key);
      if (id !== null) byId.set(id, (byId.get(id) ?? 0) + 1);
    }
    const unknownDistinct = [...distinct.values()].filter((key) => this.vocabulary.lookup(key) === null).length;
    const merged = [...byId.values()].filter((count) => count > 1).reduce((sum, count) => sum + count, 0);
    // Most cells unknown; or some unknown and, with the values that fall together on one stage, most distinct values.
    const own = unknownCells * 2 > keys.length || (unknownDistinct > 0 && (unknownDistinct + merged) * 2 > distinct.size);
    if (!own) return;
    this.own = [];
    this.ownLocation = location;
    this.vocabulary = new Vocabulary([]);
    for (const key of distinct.values()) this.addOwn(key);
  }

  /** True when a text names a stage of the model in force (or of the file's own, once decided). */
  names(text: string): boolean {
    return text.length <= MAX_VALUE_LENGTH && this.vocabulary.lookup(stripStageNumbering(text)) !== null;
  }

  /** Reads a stage cell's text. */
  read(text: string): StageReading {
    if (text.length > MAX_VALUE_LENGTH) return { unknown: null, readAs: null };
    const key = stripStageNumbering(text);
    const id = this.vocabulary.lookup(key);
    if (id !== null) return { id };
    const timing = stageTiming(text);
    if (timing !== null) return { timing };
    const folded = foldKey(key);
    if (this.own !== null) {
      // A near spelling of one of the file's own stages is a typo of it, not a new stage.
      const labels = this.own.map((s) => foldKey(s.label));
      const close = folded.length >= 3 ? nearest(folded, labels, folded.length <= 5 ? 1 : 2) : null;
      if (close !== null) {
        const typo = confidentTypo(folded, labels);
        const stage = this.own.find((s) => foldKey(s.label) === (typo ?? close))!;
        return { unknown: stage.label, readAs: typo === null ? null : stage.id };
      }
      if (folded !== '' && this.own.length < MAX_OWN_STAGES) return { id: this.addOwn(key) };
      return { unknown: null, readAs: null };
    }
    const readAs = this.vocabulary.typo(key);
    return { unknown: readAs !== null ? this.vocabulary.label(readAs) : this.vocabulary.suggest(key), readAs };
  }

  private addOwn(label: string): string {
    const base = stageId(label);
    let id = base;
    for (let n = 2; this.own!.some((s) => s.id === id); n++) id = `${base}-${n}`;
    this.own!.push({ id, label, synonyms: [] });
    this.vocabulary = new Vocabulary(this.own!);
    return id;
  }
}
