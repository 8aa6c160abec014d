import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { explainText } from '../../src/cli/rule-help.js';
import { CHANNELS } from '../../src/model/vocabulary.js';
import { unknownValue } from '../../src/rules/unknown-value.js';
import { HEADER, check, model } from '../helpers/inventory.js';

const row = (stage: string, name: string, channel: string) => ['P', stage, name, 'T', channel, '', '', '', ''];

describe('unknown-value', () => {
  it('reports an unknown stage at its cell with the nearest known value and the config key that teaches journey the word', () => {
    const journey = model([HEADER, row('Onbaording', 'Setup guide', 'Email')]);
    const reports = check(unknownValue, journey);
    expect(reports.map((r) => findingSentence(r))).toEqual([
      'Stage \'Onbaording\' of "Setup guide" is not a known stage; did you mean \'Onboarding\'? journey reads it as Onboarding meanwhile. Fix the spelling, or add "Onbaording" to the synonyms of stage "onboarding" (stages.list in journey.config.json).',
    ]);
    expect(reports[0]!.location.cell).toBe('B2');
    // A confident typo: reported, and its row read in the stage it misspells.
    expect(journey.touchpoints[0]!.stage).toBe('onboarding');
  });

  it('reports one finding per distinct value and column, listing its cells and how many more', () => {
    const rows = [HEADER, ...['A', 'B', 'C', 'D', 'E'].map((n) => row('Decision', n, 'Pigeon')), row('Decision', 'F', 'pigeon '), row('Decision', 'G', 'Owl')];
    const reports = check(unknownValue, model(rows));
    expect(reports).toHaveLength(2);
    expect(findingSentence(reports[0]!)).toMatch(
      /^Channel 'Pigeon' is not a known channel \(6 cells: E2, E3, E4 and 3 more\); use one of the channels journey knows \(journey explain unknown-value lists them\), or add "Pigeon" to a channel's synonyms \(channels\[\]\.synonyms in journey\.config\.json\)\.$/,
    );
    expect(reports[0]!.location.cell).toBe('E2');
    expect(reports[0]!.related.map((l) => l.cell)).toEqual(['E3', 'E4', 'E5', 'E6', 'E7']);
    expect(reports[0]!.touchpoint).toBeNull();
    expect(findingSentence(reports[1]!)).toContain('Channel \'Owl\' of "G" is not a known channel');
  });

  it.each([
    ['Boarding', 'stage'],
    ['Review', 'stage'],
    ['Retension', null],
    ['Webinr', null],
    ['Emial', null],
    ['Onlne', null],
  ])('suggests a known value for %s only when it is a likely typo', (text, unexpected) => {
    const rows = [HEADER, /^(Boarding|Review|Retension)$/.test(text) ? row(text, 'X', 'Email') : row('Decision', 'X', text)];
    const message = check(unknownValue, model(rows)).map(findingSentence)[0] ?? '';
    if (unexpected) expect(message).not.toContain('did you mean');
    else expect(message).toContain('did you mean');
  });

  it('shows the known spelling a value was close to when it is a synonym, not the label', () => {
    const message = findingSentence(check(unknownValue, model([HEADER, row('Decision', 'X', 'Knowlege base')]))[0]!);
    expect(message).toContain("did you mean 'Help center' (close to 'knowledge base')?");
    expect(message).toContain('add "Knowlege base" to the synonyms of channel "help-center" (channels in journey.config.json)');
  });

  it('accepts the spellings people type', () => {
    const channels = ['E-mail', 'Live chat', 'Chatbot', 'Paid social', 'Knowledge base', 'Help desk', 'Zoom call', 'SMS', 'In-App', 'webinar'];
    const rows = [HEADER, ...channels.map((c) => row('3. Decision', `Touch ${c}`, c))];
    expect(check(unknownValue, model(rows))).toEqual([]);
  });

  it('lists the built-in vocabulary in journey explain, generated from the code', () => {
    const text = explainText(unknownValue, resolveConfig());
    for (const channel of CHANNELS) expect(text).toContain(`  ${channel.label}: `);
    expect(text).toContain('knowledge base');
    expect(text).toMatch(/Onboarding: .*activation/);
  });
});
