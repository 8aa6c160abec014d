import { z } from 'zod';
import { SeveritySchema } from '../model/schema.js';

export const RuleLevelSchema = z.union([z.literal('off'), SeveritySchema]);
/** A rule's setting: a level, or a level with options. */
export const RuleSettingSchema = z.union([RuleLevelSchema, z.tuple([RuleLevelSchema, z.record(z.string(), z.unknown())])]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

export const ConfigSchema = z
  .object({
    rules: z.record(z.string(), RuleSettingSchema).default({}),
  })
  .strict();
/** A journey configuration. */
export type Config = z.infer<typeof ConfigSchema>;

/** The configuration used when none is given. */
export const DEFAULT_CONFIG: Config = { rules: {} };
