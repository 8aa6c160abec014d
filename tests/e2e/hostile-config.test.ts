// Configs and options built to get around validation: prototype keys, deep nesting, timers past Node's.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journey, root } from '../helpers/cli.js';

const base = mkdtempSync(join(tmpdir(), 'journey-hostile-config-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const SAMPLE = join(root, 'fixtures/sample-inventory.csv');
let cases = 0;
/** Audits the sample with a config of this text; returns the run. */
const withConfig = (text: string, args: string[] = []) => {
  const dir = join(base, `case-${++cases}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'journey.config.json'), text);
  return journey(['audit', SAMPLE, '-c', 'journey.config.json', ...args], { cwd: dir });
};

describe('prototype keys in a config', () => {
  const RULES_OFF = '{ "missing-stage": "off", "one-way-stage": "off", "handoff-lag": "off" }';
  it.each([
    ['__proto__ at the top', `{ "__proto__": { "rules": ${RULES_OFF} } }`, '__proto__', '1:3'],
    ['constructor at the top', `{ "constructor": { "prototype": { "rules": ${RULES_OFF} } } }`, 'constructor', '1:3'],
    ['prototype nested in rules options', '{ "rules": { "handoff-lag": ["warning", { "prototype": { "maxDays": 1000 } }] } }', 'prototype', '1:43'],
    ['__proto__ in stageOwners', '{ "stageOwners": { "__proto__": ["Sales"] } }', '__proto__', '1:20'],
    ['__proto__ written with an escape', '{ "\\u005f_proto__": { "rules": {} } }', '__proto__', '1:3'],
  ])('%s is refused, naming the key, file, line and column', (_case, text, key, at) => {
    const run = withConfig(text);
    expect(run.stderr).toBe(
      `journey: journey.config.json:${at}: the key "${key}" is not allowed anywhere in a config (it names JavaScript's object prototype); remove it\n`,
    );
    expect(run.code).toBe(2);
  });

  it('a value that merely says "__proto__" is fine', () => {
    expect(withConfig('{ "personas": ["__proto__"] }', ['--exit-zero']).code).toBe(0);
  });
});

describe('a config nested deeper than journey reads', () => {
  it('5,000 levels: a config error naming the file, no stack overflow', () => {
    const run = withConfig(`{ "rules": ${'['.repeat(5000)}${']'.repeat(5000)} }`);
    expect(run.stderr).toBe('journey: journey.config.json:1:75: nested more than 64 levels deep; a journey config needs a few\n');
    expect(run.code).toBe(2);
  });
});

describe('--read-timeout past the longest timer', () => {
  it('is a usage error, not a 1 ms timer that re-arms', () => {
    const run = journey(['audit', SAMPLE, '--read-timeout', '1e10']);
    expect(run.stderr).toBe(
      'journey: --read-timeout: expected a positive number of seconds up to 2147483 (about 24 days, the longest timer Node.js keeps), got "1e10"\n',
    );
    expect(run.code).toBe(2);
    // The largest allowed still reads stdin without a warning.
    const largest = journey(['audit', '-', '--read-timeout', '2147483', '--exit-zero'], { input: 'Persona,Stage,Touchpoint\nA,Decision,Call\n' });
    expect(largest.stderr).toBe('');
    expect(largest.code).toBe(0);
  });

  it('limits.readTimeoutSeconds in a config is bounded the same way', () => {
    const run = withConfig('{ "limits": { "readTimeoutSeconds": 1e10 } }');
    expect(run.stderr).toMatch(/^journey: journey\.config\.json: limits\.readTimeoutSeconds: .*2147483/);
    expect(run.code).toBe(2);
  });
});
