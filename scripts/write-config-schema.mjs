// Writes journey.config.schema.json and journey-diff.schema.json from the zod schemas (run after a build: npm run schema).
// The file is committed and shipped in the package so editors can autocomplete journey.config.json;
// tests/config/json-schema.test.ts fails when it drifts from the code.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/config/json-schema.js';
import { diffJsonSchema } from '../dist/views/diff/json-schema.js';
import { measureJsonSchema } from '../dist/measure/result.js';

writeFileSync(new URL('../journey.config.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
// The schema of journey diff --format json, for tools that read it; tests/views/diff-schema.test.ts checks it.
writeFileSync(new URL('../journey-diff.schema.json', import.meta.url), `${JSON.stringify(diffJsonSchema(), null, 2)}\n`);
// The schema of journey measure --format json; tests/e2e/measure.test.ts checks it.
writeFileSync(new URL('../journey-measure.schema.json', import.meta.url), `${JSON.stringify(measureJsonSchema(), null, 2)}\n`);
