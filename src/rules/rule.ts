import type { z } from 'zod';
import { cellOf } from '../model/cells.js';
import type { Field, Finding, JourneyModel, Location, ProblemOf, Severity, Touchpoint, ValueProblem } from '../model/schema.js';

/** What a rule reports; the engine adds the rule id, the configured severity and the fingerprint. */
export type Report = Omit<Finding, 'ruleId' | 'severity' | 'fingerprint'> & {
  /**
   * What identifies the finding in its fingerprint instead of the message's statement, for a message
   * whose statement holds what ordinary edits change (the teams that send duplicates, a column letter).
   */
  identity?: string;
};

/** A finding's words: what is wrong (`message`) and what to do (`fix`), each rule's own. */
export type Words = Pick<Report, 'message' | 'fix'>;

/** Config settings some rules read besides their own options. */
export interface JourneySettings {
  /** Teams expected to own touchpoints in each stage (stage id → team names). */
  stageOwners: Record<string, string[]>;
  /** Persona names every inventory should have rows for. */
  personas: string[];
}

/** What a rule's check receives: the model, its own resolved options, shared settings and today's date. */
export interface RuleContext<Options> {
  model: JourneyModel;
  options: Options;
  settings: JourneySettings;
  /** Today as YYYY-MM-DD (fixed by SOURCE_DATE_EPOCH for reproducible runs). */
  today: string;
  /** Ids of the rules running that need stages (`needsStages`), which a table without a stage column skips. */
  stageRules?: readonly string[];
}

/** A rule's documentation, shown by `journey explain`. */
export interface RuleDocs {
  why: string;
  triggers: string;
  fix: string;
  example: string;
}

/** One check over the journey model, in a file of its own. */
export interface Rule<Schema extends z.ZodType = z.ZodType> {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /**
   * Its line in README's rules table (lower case: what it finds, with its main options and defaults);
   * the description when not given. `npm run generate` writes the table.
   */
  summary?: string;
  /** Options with their defaults; `options.parse({})` gives the defaults. */
  options: Schema;
  docs: RuleDocs;
  /** Reference material `journey explain` prints after the docs (generated from the code, e.g. the vocabulary a rule checks against). */
  reference?: () => string;
  /** The rule works per lifecycle stage: a table without a stage column (a timeline) gives it nothing to check. */
  needsStages?: boolean;
  /**
   * Its findings are about the inventory's data (typos, unknown words, blank rows, stale dates), not gaps
   * in the journey: the gap report lists them in their own short section, never among the top gaps.
   */
  hygiene?: boolean;
  /**
   * How much a finding of this rule weighs for the customer, 1–3 (2 when not given), after severity, when
   * the report ranks its most serious gaps: 3 where customers are left alone (a missing stage, a handoff
   * wait, a silence), 2 where they struggle or are overloaded, 1 for advice (a second channel, automation).
   */
  weight?: 1 | 2 | 3;
  check(context: RuleContext<z.infer<Schema>>): Report[];
}

/** Declares a rule with its options type inferred from its schema. */
export function defineRule<Schema extends z.ZodType>(rule: Rule<Schema>): Rule<Schema> {
  return rule;
}

/** Reports for the problems normalize recorded for one rule (their kind is its id), each at its cell, in that rule's words. */
export function reportProblems<Kind extends ValueProblem['kind']>(model: JourneyModel, kind: Kind, words: (problem: ProblemOf<Kind>) => Words): Report[] {
  // A header problem is the same one when a column is inserted before it: its identity is the header's
  // field and text, not its column letter.
  const header = kind === 'duplicate-header' || kind === 'blank-header';
  return model.problems
    .filter((problem): problem is ProblemOf<Kind> => problem.kind === kind)
    .map((problem) => ({
      ...words(problem),
      location: problem.location,
      related: [],
      persona: problem.persona,
      stage: problem.stage,
      touchpoint: problem.touchpoint,
      ...(header ? { identity: `${kind} ${problem.field ?? ''} ${problem.value.trim().toLowerCase()}` } : {}),
    }));
}

/** A report about one touchpoint: at `location` (its cell in the field the message is about), naming its persona, stage and name. */
export function touchpointReport(touchpoint: Touchpoint, words: Words, location: Location, related: Location[] = []): Report {
  return { message: words.message, fix: words.fix, location, related, persona: touchpoint.persona, stage: touchpoint.stage, touchpoint: touchpoint.name };
}

/** A report about one persona's stage as a whole (no one touchpoint): at `location`, naming the persona and stage (null on a timeline without stages). */
export function stageReport(group: { persona: string; stage: string | null }, words: Words, location: Location, related: Location[] = []): Report {
  return { message: words.message, fix: words.fix, location, related, persona: group.persona, stage: group.stage, touchpoint: null };
}

/** Most related cells a finding lists: a stage of thousands of touchpoints is pointed at by its first ones. */
export const MAX_RELATED = 20;

/** The cells of `touchpoints` in `field`, as a finding's related locations (at most MAX_RELATED). */
export function relatedCells(touchpoints: readonly Touchpoint[], field: Field): Location[] {
  return touchpoints.slice(0, MAX_RELATED).map((touchpoint) => cellOf(touchpoint, field));
}
