import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { schemaReference, starterConfig } from '../../src/config/starter.js';
import { root } from '../helpers/cli.js';

const published = JSON.parse(readFileSync(join(root, 'journey.config.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: false }).compile(published);

describe('config JSON Schema', () => {
  it("accepts a full config and spells out each rule's options", () => {
    const config = {
      rules: { 'handoff-lag': ['error', { maxDays: 14 }], 'blank-row': 'off' },
      stages: { list: [{ id: 'trial', after: 'consideration' }] },
      channels: [{ id: 'whatsapp', automatable: true, inbound: true }],
      columns: { team: ['Abteilung'] },
      stageOwners: { onboarding: ['Customer Success'] },
      personas: ['Admin'],
      ignore: [{ files: ['archive/**'], rules: ['stale-review'], reason: 'archived' }],
    };
    expect(validate(config)).toBe(true);
    expect(validate({ rules: { 'handoff-lag': ['warning', { maxDays: 'seven' }] } })).toBe(false);
    expect(validate({ rules: { 'no-such-rule': 'off' } })).toBe(false);
  });

  it('validates the starter config init-config writes, which starts as the defaults', () => {
    const starter = parse(starterConfig());
    expect(validate(starter)).toBe(true);
    const resolved = resolveConfig(ConfigSchema.parse(starter));
    expect(resolved.rules.every(({ rule, level }) => level === rule.defaultSeverity)).toBe(true);
  });

  it("writes a $schema that works without a local install: the installed package's by a relative path, else the published URL", () => {
    const project = mkdtempSync(join(tmpdir(), 'journey-schema-'));
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    const url = `https://unpkg.com/${manifest.name}@${manifest.version}/journey.config.schema.json`;
    expect(schemaReference(project)).toBe(url);
    expect(parse(starterConfig(schemaReference(project))).$schema).toBe(url);
    mkdirSync(join(project, 'node_modules', manifest.name), { recursive: true });
    writeFileSync(join(project, 'node_modules', manifest.name, 'journey.config.schema.json'), '{}');
    mkdirSync(join(project, 'inventories', 'emea'), { recursive: true });
    expect(schemaReference(project)).toBe(`./node_modules/${manifest.name}/journey.config.schema.json`);
    expect(schemaReference(join(project, 'inventories', 'emea'))).toBe(`../../node_modules/${manifest.name}/journey.config.schema.json`);
  });
});
