// Writes journey.config.schema.json from the zod schemas (run after a build: npm run schema).
// The file is committed and shipped in the package so editors can autocomplete journey.config.json;
// tests/config/json-schema.test.ts fails when it drifts from the code.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/config/json-schema.js';

writeFileSync(new URL('../journey.config.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
