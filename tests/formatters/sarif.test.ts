import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { journey, root } from '../helpers/cli.js';
import { SHARED, sharedAvailable } from '../helpers/shared.js';

// Without ../shared the output is still checked, only not against the official schema.
const schemaPath = join(SHARED, 'schemas/sarif-schema-2.1.0.json');
const validate = sharedAvailable('validating SARIF against the official 2.1.0 schema')
  ? new Ajv({ strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')))
  : null;
const dir = mkdtempSync(join(tmpdir(), 'journey-sarif-'));

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
    logicalLocations: { name: string; fullyQualifiedName?: string }[];
  }[];
  partialFingerprints: Record<string, string>;
}

function sarif(args: string[]) {
  const run = journey(['audit', ...args, '-f', 'sarif']);
  const log = JSON.parse(run.stdout);
  if (validate) expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return { run, log, results: log.runs[0].results as SarifResult[] };
}

describe('sarif', () => {
  it('is valid SARIF 2.1.0 for the sample workbook and csv, with every rule described', () => {
    for (const file of ['fixtures/sample-inventory.xlsx', 'fixtures/sample-inventory.csv']) {
      const { run, log } = sarif([file]);
      expect(run.code).toBe(1);
      const rules = log.runs[0].tool.driver.rules;
      expect(rules.map((r: { id: string }) => r.id)).toContain('handoff-lag');
      for (const rule of rules) {
        expect(rule.shortDescription.text).not.toBe('');
        expect(rule.fullDescription.text).not.toBe('');
        expect(rule.help.text).not.toBe('');
        expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      }
    }
  });

  it('places each result at its file (relative), row and cell, naming sheet and cell in the message', () => {
    const { log, results } = sarif(['fixtures/sample-inventory.xlsx']);
    const lag = results.find((r) => r.ruleId === 'handoff-lag')!;
    expect(lag.level).toBe('warning');
    expect(lag.message.text).toMatch(/^Practitioner!G12: Sales → Customer Success handoff/);
    expect(lag.locations[0]!.physicalLocation.artifactLocation.uri).toBe('fixtures/sample-inventory.xlsx');
    expect(lag.locations[0]!.physicalLocation.region.startLine).toBe(12);
    expect(lag.locations[0]!.logicalLocations[0]).toMatchObject({ name: 'G12', fullyQualifiedName: 'Practitioner!G12' });
    expect(log.runs[0].tool.driver.rules[lag.ruleIndex].id).toBe('handoff-lag');
    expect(results.find((r) => r.ruleId === 'unknown-value')!.level).toBe('error');
    expect(results.find((r) => r.ruleId === 'missing-kpi' || r.ruleId === 'forgotten-touchpoints')!.level).toBe('note');
  });

  it('keeps fingerprints when the rows of a sheet are re-sorted', () => {
    const lines = readFileSync(join(root, 'fixtures/sample-inventory.csv'), 'utf8').trimEnd().split('\r\n');
    // The csv writes stage and persona once per group; give every row its own so any order reads the same.
    let persona = '';
    let stage = '';
    const rows = lines
      .slice(1)
      .filter((line) => line.replace(/,/g, '') !== '')
      .map((line) => {
        const cells = line.split(',');
        persona = cells[0] || persona;
        stage = cells[1] || stage;
        return [persona, stage, ...cells.slice(2)].join(',');
      });
    writeFileSync(join(dir, 'sorted.csv'), [lines[0], ...rows].join('\n'));
    writeFileSync(join(dir, 'shuffled.csv'), [lines[0], ...rows.reverse()].join('\n'));
    const fingerprints = (name: string) => {
      const { results } = sarif([join(dir, name)]);
      return results.map((r) => `${r.ruleId} ${r.partialFingerprints['journeyFinding/v1']}`).sort();
    };
    const sorted = fingerprints('sorted.csv');
    expect(sorted.length).toBeGreaterThan(15);
    // Same file name for both runs, as a re-sorted sheet would be.
    writeFileSync(join(dir, 'sorted.csv'), readFileSync(join(dir, 'shuffled.csv')));
    expect(fingerprints('sorted.csv')).toEqual(sorted);
  });

  it('reports an unreadable file as a tool notification', () => {
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
    const { run, log } = sarif([join(dir, 'broken.xlsx')]);
    expect(run.code).toBe(2);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/broken\.xlsx/);
  });
});
