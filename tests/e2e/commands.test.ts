import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { journey, root } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-commands-'));

describe('journey rules, explain, init-config, print-config and --config (built CLI)', () => {
  it('lists every rule with its default and current level', () => {
    const folder = join(dir, 'rules');
    mkdirSync(folder);
    writeFileSync(join(folder, 'journey.config.json'), '{ "rules": { "blank-row": "off", "team-fit": "warning" } }');
    const { code, stdout } = journey(['rules'], { cwd: folder });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^blank-row +info +off +Blank rows inside an inventory table$/m);
    expect(stdout).toMatch(/^team-fit +info +on \(warning\) +A touchpoint owned by a team/m);
    expect(stdout).toMatch(/^handoff-lag +warning +on \(warning\)/m);
    expect(stdout.match(/^[a-z-]+ +(error|warning|info) /gm)).toHaveLength(RULES.length);
  });

  it('explains a rule with its options and defaults, and suggests a near miss', () => {
    const { code, stdout } = journey(['explain', 'handoff-lag']);
    expect(code).toBe(0);
    for (const section of ['Why it matters', 'What triggers it', 'Options', 'How to fix', 'Example']) expect(stdout).toContain(`\n${section}\n`);
    expect(stdout).toContain('maxDays  integer ≥ 0, default 7');
    expect(stdout).toContain('"rules": { "handoff-lag": ["warning", {"maxDays":7,"bridgeDays":60}] }');
    const wrong = journey(['explain', 'handof-lag']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('journey: no rule "handof-lag"; did you mean "handoff-lag"? (journey rules lists them)\n');
  });

  it('suggests the rules a word names: those whose id starts with it, then those that hold it', () => {
    const handoff = journey(['explain', 'handoff']);
    expect(handoff.code).toBe(2);
    expect(handoff.stderr).toBe('journey: no rule "handoff"; did you mean "handoff-lag"? (journey rules lists them)\n');
    expect(journey(['explain', 'duplicate']).stderr).toBe(
      'journey: no rule "duplicate"; did you mean one of "duplicate-effort", "duplicate-header", "duplicate-row"? (journey rules lists them)\n',
    );
    expect(journey(['explain', 'Owner']).stderr).toBe('journey: no rule "Owner"; did you mean "missing-owner"? (journey rules lists them)\n');
    expect(journey(['explain', 'zzzz']).stderr).toBe('journey: no rule "zzzz" (journey rules lists them)\n');
  });

  it('writes a starter config once, and refuses to overwrite it without --force', () => {
    const folder = join(dir, 'init');
    mkdirSync(folder);
    expect(journey(['init-config'], { cwd: folder }).code).toBe(0);
    const text = readFileSync(join(folder, 'journey.config.json'), 'utf8');
    expect(text).toContain('// "handoff-lag": ["warning", {"maxDays": 7, "bridgeDays": 60}],');
    const again = journey(['init-config'], { cwd: folder });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/journey\.config\.json already exists; edit it, or pass --force/);
    expect(journey(['init-config', '--force'], { cwd: folder }).code).toBe(0);
    // The starter is a working config: audit uses it.
    copyFileSync(join(root, 'fixtures/sample-inventory.csv'), join(folder, 'inventory.csv'));
    expect(journey(['audit', join(folder, 'inventory.csv'), '-f', 'json']).code).toBe(1);
  });

  it('prints the resolved config for a file, defaults merged in', () => {
    const folder = join(dir, 'print');
    mkdirSync(join(folder, 'team'), { recursive: true });
    writeFileSync(join(folder, 'journey.config.json'), '{ "rules": { "handoff-lag": ["error", { "maxDays": 3 }] }, "stageOwners": { "decision": ["Sales"] } }');
    const { code, stdout } = journey(['print-config', join(folder, 'team/inventory.xlsx')]);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.configFile).toBe(join(folder, 'journey.config.json'));
    expect(printed.rules['handoff-lag']).toEqual(['error', { maxDays: 3, bridgeDays: 60 }]);
    expect(printed.rules['blank-row']).toBe('info');
    expect(printed.stageOwners).toEqual({ decision: ['Sales'] });
    expect(printed.stages.map((s: { id: string }) => s.id)).toContain('onboarding');
  });

  it('audits with the config found beside the inventory, applies ignores, and fails with exit 2 on a bad config', () => {
    const folder = join(dir, 'audit');
    mkdirSync(folder);
    copyFileSync(join(root, 'fixtures/sample-inventory.xlsx'), join(folder, 'inventory.xlsx'));
    const run = () => JSON.parse(journey(['audit', join(folder, 'inventory.xlsx'), '-f', 'json']).stdout);
    const before = run();
    writeFileSync(
      join(folder, 'journey.config.json'),
      `{
      // Buyer has no onboarding of its own; forgotten touchpoints are tracked elsewhere
      "rules": { "forgotten-touchpoints": "off", "handoff-lag": ["error", { "maxDays": 10 }] },
      "personas": ["Practitioner", "Buyer", "Admin"],
      "ignore": [{ "sheets": ["Buyer"], "rules": ["missing-stage"], "reason": "Buyers hand over to practitioners after the decision" }],
    }`,
    );
    const after = run();
    const rules = (result: { findings: { ruleId: string }[] }) => new Set(result.findings.map((f) => f.ruleId));
    expect(rules(before).has('forgotten-touchpoints')).toBe(true);
    expect(rules(after).has('forgotten-touchpoints')).toBe(false);
    expect(after.findings.filter((f: { ruleId: string; location: { sheet: string } }) => f.ruleId === 'missing-stage' && f.location.sheet === 'Buyer')).toEqual(
      [],
    );
    expect(after.summary.ignored).toBe(3);
    expect(after.findings.filter((f: { ruleId: string }) => f.ruleId === 'handoff-lag').map((f: { severity: string; message: string }) => f.severity)).toEqual([
      'error',
      'error',
    ]);
    const missingPersona = after.findings.find((f: { ruleId: string }) => f.ruleId === 'missing-persona');
    expect([missingPersona.message, missingPersona.fix]).toEqual([
      'No rows for persona "Admin", which the config expects',
      'add its touchpoints or remove it from personas.',
    ]);

    writeFileSync(join(folder, 'journey.config.json'), '{ "rules": { "handoff-lag": ["warning", { "maxDays": "seven" }] } }');
    const bad = journey(['audit', join(folder, 'inventory.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^journey: .*journey\.config\.json: rules\.handoff-lag\.maxDays: expected a number, got "seven"\n$/);
    const missing = journey(['audit', join(folder, 'inventory.xlsx'), '--config', join(folder, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no such config file/);
  });
});
