// What `npm run generate` writes from the code besides the registry: README's rules table and the JSON
// Schemas journey publishes (the config's, with every rule's options; diff's and measure's results).
// tests/rules/generated.test.ts checks each against the file in the tree.
import { configJsonSchema } from '../../src/config/json-schema.js';
import { measureJsonSchema } from '../../src/measure/result.js';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';
import { diffJsonSchema } from '../../src/views/diff/json-schema.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The JSON Schema files, by path from the repository root. */
export function schemaFiles(): Record<string, string> {
  return {
    // Shipped in the package so editors can autocomplete journey.config.json.
    'journey.config.schema.json': json(configJsonSchema()),
    'journey-diff.schema.json': json(diffJsonSchema()),
    'journey-measure.schema.json': json(measureJsonSchema()),
  };
}

const TABLE_HEAD = ['| rule | default | finds |', '| --- | --- | --- |'];

/** A rule's row of README's table: its summary, else its description in lower case. */
function readmeRow(rule: Rule): string {
  const finds = rule.summary ?? `${rule.description.charAt(0).toLowerCase()}${rule.description.slice(1)}`;
  return `| \`${rule.id}\` | ${rule.defaultSeverity} | ${finds.replace(/\|/g, '\\|')} |`;
}

/** README with its rules table (the table after the `## Rules` heading) written from the registry. */
export function readmeWithRules(readme: string, rules: readonly Rule[] = RULES): string {
  const lines = readme.split('\n');
  const section = lines.indexOf('## Rules');
  const head = section === -1 ? -1 : lines.indexOf(TABLE_HEAD[0]!, section);
  if (head === -1 || lines[head + 1] !== TABLE_HEAD[1]) throw new Error(`README.md has no "## Rules" section with a table headed ${TABLE_HEAD[0]}`);
  let end = head + 2;
  while (end < lines.length && lines[end]!.startsWith('|')) end++;
  lines.splice(head + 2, end - head - 2, ...rules.map(readmeRow));
  return lines.join('\n');
}
