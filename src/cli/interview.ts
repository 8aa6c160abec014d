import { type Command, Option } from 'commander';
import { ConfigResolver } from '../config/load.js';
import { audit } from '../engine/audit.js';
import { ConfigError } from '../errors.js';
import { jsonStringify, terminalLine } from '../escape.js';
import { buildGuide, guidePersonas, type InterviewGuide } from '../interview/guide.js';
import { inventoryLanguage } from '../interview/language.js';
import { GUIDE_LANGUAGES, type GuideLanguage } from '../interview/questions.js';
import type { Finding, JourneyModel } from '../model/schema.js';
import { answersTemplateCsv, guideMarkdown } from '../views/interview/render.js';
import { type InputFlags, inputOptions } from './flags.js';
import { expandInputs } from './inputs.js';
import { checkOutputs, ensureFolderOf } from './outputs.js';

interface InterviewFlags extends InputFlags {
  format: 'markdown' | 'json';
  persona?: string;
  lang?: GuideLanguage;
  minutes?: number;
  template?: string;
}

type Emit = (output: string, file: string | undefined) => Promise<void>;

/**
 * `journey interview INVENTORY`: a discussion guide per persona from the inventory's gaps (markdown or
 * JSON), and with --template the sheet to record the answers in. Exit 2 when the inventory cannot be read.
 */
export function registerInterview(program: Command, emit: Emit): void {
  inputOptions(
    program
      .command('interview')
      .description('write a discussion guide per persona from the inventory\'s gaps, and (--template) the sheet to record answers')
      .argument('<inventory>', 'the inventory file')
      .addOption(new Option('-f, --format <name>', 'output format').choices(['markdown', 'json']).default('markdown'))
      .option('--persona <name>', 'only this persona')
      .addOption(new Option('--lang <code>', "the guide's language (default: the config's interview.language, else the inventory's)").choices([...GUIDE_LANGUAGES]))
      .option('--minutes <n>', "the session's length the guide is capped to (default: the config's interview.minutes, 45)", (value) => {
        if (!/^\d+$/.test(value) || Number(value) < 10 || Number(value) > 480) throw new ConfigError(`--minutes: expected a whole number of minutes from 10 to 480, got "${value}"`);
        return Number(value);
      })
      .option('--template <file>', 'also write the answers sheet (CSV: persona, interviewee, stage, touchpoint, question, quote, feeling, date) to this file'),
  ).action(async (inventory: string, flags: InterviewFlags) => {
    const notes: string[] = [];
    const inputs = await expandInputs([inventory], notes);
    for (const note of notes) process.stderr.write(`journey: note: ${terminalLine(note)}\n`);
    if (inputs.length !== 1) throw new ConfigError(`${inventory}: names ${inputs.length} inventories; journey interview writes the guide for one inventory file`);
    const configs = new ConfigResolver(flags.config ?? null);
    let read: { model: JourneyModel; findings: Finding[] } | null = null;
    const result = await audit(inputs, { configs, sheets: flags.sheet, readTimeoutSeconds: flags.readTimeout, onModel: (_file, model, findings) => (read = { model, findings }) });
    const paths = inputs.flatMap((input) => ('path' in input ? [input.path] : []));
    const outputs = [...(flags.output === undefined ? [] : [{ option: '-o', path: flags.output }]), ...(flags.template === undefined ? [] : [{ option: '--template', path: flags.template }])];
    await checkOutputs(outputs, [...paths, ...configs.files()], flags.force === true);
    const failed = result.files.find((file) => file.error !== null);
    if (failed || read === null) {
      if (failed) process.stderr.write(`journey: ${terminalLine(failed.error!)}\n`);
      process.exitCode = 2;
      return;
    }
    const { model, findings } = read as { model: JourneyModel; findings: Finding[] };
    const config = (await configs.forFile('path' in inputs[0]! ? inputs[0].path : null)).interview;
    if (flags.persona !== undefined && guidePersonas(model, flags.persona).length === 0) {
      throw new ConfigError(`--persona: no persona "${flags.persona}" in ${inventory} (its personas: ${model.personas.map((p) => p.name).join(', ')})`);
    }
    const language = flags.lang ?? config.language ?? inventoryLanguage(model);
    const guide: InterviewGuide = buildGuide(model, findings, {
      language,
      minutes: flags.minutes ?? config.minutes,
      persona: flags.persona,
      templates: config.templates[language] ?? {},
      questions: config.questions,
    });
    if (flags.template !== undefined) {
      await ensureFolderOf('--template', flags.template);
      await emit(answersTemplateCsv(guide, new Map(model.stageModel.stages.map((stage) => [stage.id, stage.label]))), flags.template);
      process.stderr.write(`journey: wrote the answers sheet ${terminalLine(flags.template)}; fill in one row per answer, then pass it with --answers\n`);
    }
    await emit(flags.format === 'json' ? `${jsonStringify(guide, 2)}\n` : guideMarkdown(guide, inventory), flags.output);
    if (flags.output !== undefined) process.stderr.write(`journey: wrote ${terminalLine(flags.output)}\n`);
  });
}
