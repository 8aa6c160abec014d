import * as z from 'zod';
import { RULES } from '../rules/index.js';
import { ConfigSchema, RuleLevelSchema } from './schema.js';

/** The JSON Schema of journey.config.json, generated from the zod schemas, with every rule's options spelled out for editors. */
export function configJsonSchema(): Record<string, unknown> {
  const rules = z
    .object(
      Object.fromEntries(
        RULES.map((rule) => [
          rule.id,
          z
            .union([RuleLevelSchema, z.tuple([RuleLevelSchema, rule.options])])
            .optional()
            .describe(`${rule.description} (default: ${rule.defaultSeverity})`),
        ]),
      ),
    )
    .strict()
    .describe('Per rule: "off", "info", "warning" or "error", or [level, options]. `journey rules` lists them.');
  const schema = z.toJSONSchema(ConfigSchema.extend({ rules: rules.optional() }), { io: 'input', target: 'draft-2020-12' });
  return { ...schema, title: 'journey configuration' };
}
