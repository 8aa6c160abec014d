import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver, loadConfigFile } from '../../src/config/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-config-'));
let count = 0;

/** Writes a config into a fresh folder and returns its path. */
function configFile(text: string): string {
  const folder = join(dir, `c${count++}`);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'journey.config.json');
  writeFileSync(path, text);
  return path;
}

const messageOf = async (text: string) => {
  try {
    await loadConfigFile(configFile(text));
  } catch (error) {
    return (error as Error).message.replace(/^.*?journey\.config\.json: /, '');
  }
  return 'no error';
};

describe('config', () => {
  it('reads JSON with comments and trailing commas, and fills in every default', async () => {
    const config = await loadConfigFile(
      configFile('{\n  // slower handoffs are fine here\n  "rules": { "handoff-lag": ["error", { "maxDays": 14 }], "blank-row": "off", },\n}\n'),
    );
    const rule = (id: string) => config.rules.find((r) => r.rule.id === id)!;
    expect(rule('handoff-lag')).toMatchObject({ level: 'error', options: { maxDays: 14 } });
    expect(rule('blank-row').level).toBe('off');
    expect(rule('over-communication')).toMatchObject({ level: 'warning', options: { maxPerWeek: 3, maxPerStage: null } });
    expect(config.normalize.stageModel.stages).toHaveLength(8);
  });

  it('finds the nearest journey.config.json walking up from the audited file, and --config overrides it', async () => {
    const top = join(dir, 'walk');
    mkdirSync(join(top, 'team/sub'), { recursive: true });
    writeFileSync(join(top, 'journey.config.json'), '{ "rules": { "blank-row": "off" } }');
    writeFileSync(join(top, 'team/journey.config.json'), '{ "rules": { "blank-row": "error" } }');
    const resolver = new ConfigResolver();
    const level = async (file: string, r = resolver) => (await r.forFile(file)).rules.find((x) => x.rule.id === 'blank-row')!.level;
    expect(await level(join(top, 'a.csv'))).toBe('off');
    expect(await level(join(top, 'team/sub/b.csv'))).toBe('error');
    expect((await resolver.forFile(join(top, 'team/sub/b.csv'))).file).toBe(join(top, 'team/journey.config.json'));
    expect(await level(join(top, 'team/sub/b.csv'), new ConfigResolver(join(top, 'journey.config.json')))).toBe('off');
  });

  it('also finds journey.config.jsonc and a "journey" key in package.json, nearest first, and refuses two configs in one folder', async () => {
    const top = join(dir, 'kinds');
    mkdirSync(join(top, 'jsonc/sub'), { recursive: true });
    mkdirSync(join(top, 'pkg/sub'), { recursive: true });
    mkdirSync(join(top, 'plain-pkg'), { recursive: true });
    mkdirSync(join(top, 'both'), { recursive: true });
    writeFileSync(join(top, 'journey.config.json'), '{ "rules": { "blank-row": "off" } }');
    writeFileSync(join(top, 'jsonc/journey.config.jsonc'), '{\n  // comments are fine\n  "rules": { "blank-row": "error" },\n}\n');
    writeFileSync(join(top, 'pkg/package.json'), JSON.stringify({ name: 'inventories', journey: { rules: { 'blank-row': 'warning' } } }));
    // A package.json without the key is passed over.
    writeFileSync(join(top, 'plain-pkg/package.json'), JSON.stringify({ name: 'other' }));
    writeFileSync(join(top, 'both/journey.config.json'), '{}');
    writeFileSync(join(top, 'both/journey.config.jsonc'), '{}');
    const resolver = new ConfigResolver();
    const found = async (file: string) => {
      const config = await resolver.forFile(join(top, file));
      return [config.file, config.rules.find((x) => x.rule.id === 'blank-row')!.level];
    };
    expect(await found('jsonc/sub/a.csv')).toEqual([join(top, 'jsonc/journey.config.jsonc'), 'error']);
    expect(await found('pkg/sub/a.csv')).toEqual([join(top, 'pkg/package.json'), 'warning']);
    expect(await found('plain-pkg/a.csv')).toEqual([join(top, 'journey.config.json'), 'off']);
    await expect(resolver.forFile(join(top, 'both/a.csv'))).rejects.toThrow(
      /both\/journey\.config\.json and .*both\/journey\.config\.jsonc: two configs in one folder; keep one of them/,
    );
    writeFileSync(join(top, 'pkg/package.json'), JSON.stringify({ journey: { rules: { 'blank-row': 'loud' } } }));
    await expect(new ConfigResolver().forFile(join(top, 'pkg/a.csv'))).rejects.toThrow(
      /package\.json "journey": rules\.blank-row: expected "off", "info", "warning" or "error"/,
    );
  });

  it.each([
    [
      'a wrong type, naming the key',
      '{ "rules": { "handoff-lag": ["warning", { "maxDays": "seven" }] } }',
      'rules.handoff-lag.maxDays: expected a number, got "seven"',
    ],
    ['a number out of range', '{ "rules": { "handoff-lag": ["warning", { "maxDays": -1 }] } }', 'rules.handoff-lag.maxDays: expected a number ≥ 0, got -1'],
    [
      'a fraction where a whole number belongs',
      '{ "rules": { "handoff-lag": ["warning", { "maxDays": 2.5 }] } }',
      'rules.handoff-lag.maxDays: expected a whole number, got 2.5',
    ],
    ['an unknown option', '{ "rules": { "handoff-lag": ["warning", { "maxDay": 3 }] } }', 'rules.handoff-lag.maxDay: unknown key'],
    [
      'an unknown level',
      '{ "rules": { "handoff-lag": "warn" } }',
      'rules.handoff-lag: expected "off", "info", "warning" or "error" or [level, options], got "warn"',
    ],
    [
      'an unknown rule, with a suggestion',
      '{ "rules": { "handof-lag": "off" } }',
      'rules.handof-lag: no such rule; did you mean "handoff-lag"? (journey rules lists them)',
    ],
    [
      'a rule named by a word of its id',
      '{ "rules": { "duplicate": "off" } }',
      'rules.duplicate: no such rule; did you mean one of "duplicate-effort", "duplicate-header", "duplicate-row"? (journey rules lists them)',
    ],
    ['an unknown top-level key', '{ "rule": {} }', 'rule: unknown key'],
    ['a top-level array', '[]', 'expected a JSON object at the top level'],
    ['an unknown column field', '{ "columns": { "teams": ["Abteilung"] } }', 'columns.teams: unknown key'],
    ['an ignore without a reason', '{ "ignore": [{ "rules": ["blank-row"] }] }', 'ignore[0].reason: is required (a string)'],
    [
      'an ignore naming an unknown rule',
      '{ "ignore": [{ "rules": ["blank-rows"], "reason": "x" }] }',
      'ignore[0].rules[0]: no such rule "blank-rows"; did you mean "blank-row"?',
    ],
    [
      'stage owners for an unknown stage',
      '{ "stageOwners": { "onbording": ["CS"] } }',
      'stageOwners.onbording: no stage "onbording"; did you mean "onboarding"? (stages are awareness, consideration, decision, onboarding, adoption, retention, expansion, advocacy)',
    ],
    ['a new stage after an unknown one', '{ "stages": { "list": [{ "id": "trial", "after": "evaluation" }] } }', 'stages.list[0].after: no stage "evaluation"'],
    [
      'a badly formed id',
      '{ "channels": [{ "id": "Whats App" }] }',
      'channels[0].id: expected an id in lower-case kebab-case (e.g. "free-trial"), got "Whats App"',
    ],
  ])('rejects %s', async (_, text, message) => {
    expect(await messageOf(text)).toBe(message);
  });

  it('names the line and column of a JSON syntax error, and a missing --config file', async () => {
    expect(await messageOf('{\n  "rules": { "blank-row": "off" \n}')).toMatch(
      /^.*:3:2: not valid JSON: a closing "\}" is missing; fix it at that line and column \(comments and trailing commas are allowed\)$/,
    );
    await expect(new ConfigResolver(join(dir, 'nope.json')).forFile(null)).rejects.toThrow(/nope\.json: no such config file/);
  });

  it('extends the stage model: synonyms for a stage, a new stage after another', () => {
    const config = resolveConfig({
      ...DEFAULT_CONFIG,
      stages: {
        replace: false,
        list: [
          { id: 'trial', label: 'Free trial', synonyms: ['poc'], after: 'consideration' },
          { id: 'onboarding', synonyms: ['kickoff'] },
        ],
      },
    });
    const stages = config.normalize.stageModel.stages;
    expect(stages.map((s) => s.id).slice(0, 4)).toEqual(['awareness', 'consideration', 'trial', 'decision']);
    expect(stages.find((s) => s.id === 'onboarding')!.synonyms).toContain('kickoff');
  });

  it('replaces the stage model with its own order', () => {
    const config = resolveConfig({
      ...DEFAULT_CONFIG,
      stages: {
        replace: true,
        list: [
          { id: 'sign-up', synonyms: [] },
          { id: 'first-order', label: 'First order', synonyms: [] },
        ],
      },
    });
    expect(config.normalize.stageModel.stages).toEqual([
      { id: 'sign-up', label: 'Sign up', synonyms: [] },
      { id: 'first-order', label: 'First order', synonyms: [] },
    ]);
  });

  it('adds channels and changes the flags of known ones', () => {
    const config = resolveConfig({
      ...DEFAULT_CONFIG,
      channels: [
        { id: 'phone', synonyms: [], inbound: true },
        { id: 'carrier-pigeon', synonyms: ['pigeon'], automatable: false },
      ],
    });
    expect(config.normalize.channels.find((c) => c.id === 'phone')!.inbound).toBe(true);
    expect(config.normalize.channels.at(-1)).toEqual({
      id: 'carrier-pigeon',
      label: 'Carrier pigeon',
      synonyms: ['pigeon'],
      automatable: false,
      inbound: false,
    });
  });
});
