import * as z from 'zod';
import { ReadLimitsSchema } from '../load/limits.js';
import { DirectionSchema, FieldSchema, ModeSchema, SeveritySchema, StatusSchema } from '../model/zod.js';
import { StageModelNameSchema } from '../model/stage-models.js';
import { GUIDE_LANGUAGES, QUESTION_KINDS, TEMPLATE_PLACEHOLDERS } from '../interview/questions.js';

export const RuleLevelSchema = z.enum(['off', ...SeveritySchema.options]);
/** A rule's level: off, or the severity its findings get. */
export type RuleLevel = z.infer<typeof RuleLevelSchema>;

/** A rule's setting: a level, or a level with options. */
export const RuleSettingSchema = z.union([RuleLevelSchema, z.tuple([RuleLevelSchema, z.record(z.string(), z.unknown())])]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/** What a stage entry and a channel entry both have: an id, an optional label, extra spellings. */
const vocabularyEntry = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id in lower-case kebab-case (e.g. "free-trial")'),
  label: z.string().min(1).optional(),
  synonyms: z.array(z.string()).default([]),
};

export const StageEntrySchema = z
  .object({
    ...vocabularyEntry,
    /** When extending: the stage this one comes after (a new stage without it goes last). */
    after: z.string().optional(),
  })
  .strict();

export const StagesConfigSchema = z
  .object({
    /** true: `list` is the whole stage model, in order; false: `list` adds stages or synonyms to the default one. */
    replace: z.boolean().default(false),
    list: z.array(StageEntrySchema).min(1),
  })
  .strict();

export const ChannelEntrySchema = z
  .object({
    ...vocabularyEntry,
    /** Software can send it on a schedule or trigger (used by automation-opportunity). */
    automatable: z.boolean().optional(),
    /** The customer can reach us through it (used by one-way-stage). */
    inbound: z.boolean().optional(),
  })
  .strict();

const words = z.array(z.string().min(1).max(200));

/** Extra spellings for the fixed vocabularies, by field and value: { mode: { manual: ["white glove"] } }. */
export const ClosedSynonymsSchema = z
  .object({
    mode: z.partialRecord(ModeSchema, words).default({}),
    direction: z.partialRecord(DirectionSchema, words).default({}),
    status: z.partialRecord(StatusSchema, words).default({}),
  })
  .strict();
export type ClosedSynonyms = z.infer<typeof ClosedSynonymsSchema>;

export const SentimentConfigSchema = z
  .object({
    /** Emotion words, phrases or emoji and their score on -2..+2; they win over journey's lexicon. */
    words: z.record(z.string().min(1).max(200), z.number().min(-2).max(2)).default({}),
  })
  .strict();

const templateText = z.string().min(1).max(1000);
/** An event name, or COLUMN=value on any column of the log. */
const eventText = z.string().trim().min(1).max(1000);
const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set(TEMPLATE_PLACEHOLDERS);
/** A question template: its {placeholders} must be journey's, so a typo is caught here rather than printed in the guide. */
const questionTemplate = templateText.superRefine((text, context) => {
  for (const [, name] of text.matchAll(/\{([^{}\s]{1,40})\}/g)) {
    if (!KNOWN_PLACEHOLDERS.has(name!))
      context.addIssue({ code: 'custom', message: `unknown placeholder {${name}}; journey fills ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` });
  }
});

export const InterviewConfigSchema = z
  .object({
    /** The guide's language; by default the inventory's own (--lang wins). */
    language: z.enum(GUIDE_LANGUAGES).optional(),
    /** The session's length the guide is capped to (--minutes wins). */
    minutes: z.number().int().min(10).max(480).default(45),
    /** Replacement question templates per language and kind, with journey's {placeholders}. */
    templates: z.partialRecord(z.enum(GUIDE_LANGUAGES), z.partialRecord(z.enum(QUESTION_KINDS), questionTemplate)).default({}),
    /** The team's own questions: asked in the warm-up, or in a stage (asked before journey's there). */
    questions: z
      .array(
        z
          .object({
            text: questionTemplate,
            stage: z.string().min(1).optional(),
            persona: z.string().min(1).optional(),
            minutes: z.number().int().min(1).max(60).default(3),
          })
          .strict(),
      )
      .max(200)
      .default([]),
  })
  .strict();
export type InterviewConfig = z.infer<typeof InterviewConfigSchema>;

export const IgnoreEntrySchema = z
  .object({
    /** Globs, relative to the config file's folder (bounded: a config arrives in pull requests too). */
    files: z.array(z.string().min(1).max(1000)).min(1).max(1000).optional(),
    sheets: z.array(z.string()).min(1).optional(),
    rules: z.array(z.string()).min(1).optional(),
    /** Touchpoint names (case and spacing ignored). */
    touchpoints: z.array(z.string()).min(1).optional(),
    /** Persona names (case and spacing ignored): with `stages`, a stage of one persona. */
    personas: z.array(z.string()).min(1).optional(),
    /** Stage ids of the stage model. */
    stages: z.array(z.string()).min(1).optional(),
    /** Why these findings are accepted; required so ignores stay explained. */
    reason: z.string().min(1, 'expected a reason saying why these findings are ignored'),
  })
  .strict();
/** Findings to leave out: those matching every field given. */
export type IgnoreEntry = z.infer<typeof IgnoreEntrySchema>;

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), z.unknown()).default({}).describe('Per rule id: "off", "info", "warning" or "error", or [level, options]'),
    stageModel: StageModelNameSchema.optional().describe(
      'The stage model: lifecycle (the default 8 stages), aarrr, bow-tie, flywheel, acasl (awareness, consideration, acquisition, service, loyalty), or custom (the `stages` list, with replace: true). Setting it, or `stages`, pins the model: no file brings its own.',
    ),
    stages: StagesConfigSchema.optional().describe(
      'Add stages or synonyms to the stage model (the default one, or the one `stageModel` names), or replace it (replace: true)',
    ),
    channels: z
      .array(ChannelEntrySchema)
      .default([])
      .describe('Add channels or synonyms; mark which ones software can send (automatable) and which ones customers reach you through (inbound)'),
    synonyms: ClosedSynonymsSchema.prefault({}).describe(
      'Extra words for the fixed vocabularies: mode (ongoing, automatic, manual), direction (inbound, outbound, both) and status (live, planned, retired)',
    ),
    columns: z
      .partialRecord(FieldSchema, z.array(z.string().min(1)))
      .default({})
      .describe("Extra header names per field, matched before journey's own"),
    sentiment: SentimentConfigSchema.optional().describe(
      'Emotion words and emoji for the sentiment column, each scored -2..+2 (e.g. { "words": { "meh": -1, "🙃": -1 } }), read before journey\'s lexicon',
    ),
    teams: z
      .record(z.string().min(1).max(200), z.array(z.string().min(1).max(200)).max(1000))
      .default({})
      .describe(
        'Team names written several ways, merged into one: the name to use → its other spellings (e.g. { "Product Marketing": ["PMM", "Product Mktg"] }); case and spacing are ignored. team-variants suggests them',
      ),
    stageOwners: z
      .record(z.string(), z.array(z.string().min(1)))
      .default({})
      .describe('Teams expected to own touchpoints in each stage (stage id → team names), checked by team-fit'),
    personas: z.array(z.string().min(1)).default([]).describe('Persona names every inventory should have rows for, checked by missing-persona'),
    ignore: z
      .array(IgnoreEntrySchema)
      .default([])
      .describe(
        'Findings to accept: each entry matches on every field it gives (files are globs relative to the config file; personas, stages, sheets, rules, touchpoints) and says why',
      ),
    interview: InterviewConfigSchema.prefault({}).describe(
      "The interview guide (journey interview): its language, length, replacement question templates and the team's own questions",
    ),
    events: z
      .record(z.string().min(1).max(1000), z.union([eventText, z.array(eventText).min(1).max(100)]))
      .default({})
      .describe(
        'The events of an event log that are each touchpoint (journey measure --inventory): touchpoint name → an event name or COLUMN=value, or a list of them. A touchpoint named here is measured by these, instead of its Event cell',
      ),
    limits: ReadLimitsSchema.prefault({}).describe('What reading one input may cost at most (time, sizes, cells); raise one for a legitimately huge inventory'),
  })
  .strict();
/** A journey configuration as written in journey.config.json (defaults filled in). */
export type Config = z.infer<typeof ConfigSchema>;

/** The configuration used when none is found. */
export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});
