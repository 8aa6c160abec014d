import * as z from 'zod';
import { DiffResultSchema } from './schema.js';

/** The JSON Schema of `journey diff --format json`, generated from the zod schema (published as journey-diff.schema.json). */
export function diffJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(DiffResultSchema, { io: 'output', target: 'draft-2020-12' }), title: 'journey diff result' };
}
