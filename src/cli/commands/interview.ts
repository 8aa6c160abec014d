// `journey interview INVENTORY`: a discussion guide per persona from the inventory's gaps (markdown or
// JSON), and with --template the sheet to record the answers in.
import { lstat } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import { audit } from '../../engine/audit.js';
import { ConfigError } from '../../errors.js';
import { jsonStringify } from '../../escape.js';
import { buildGuide, guidePersonas } from '../../interview/guide.js';
import { inventoryLanguage } from '../../interview/language.js';
import { GUIDE_LANGUAGES, type GuideLanguage } from '../../interview/questions.js';
import type { Finding, JourneyModel } from '../../model/schema.js';
import { answersTemplateCsv, guideMarkdown } from '../../views/interview/render.js';
import { nearest } from '../../model/text.js';
import { EXIT } from '../exit.js';
import { type InputFlags, inputOptions } from '../flags.js';
import { emit, writeFileAtomically } from '../outputs.js';
import { announceWritten } from '../written.js';
import { outputOf, readInputs } from '../prologue.js';
import { say } from '../say.js';

interface InterviewFlags extends InputFlags {
  format: 'markdown' | 'json';
  persona?: string;
  lang?: GuideLanguage;
  minutes?: number;
  template?: string;
}

/** The answers sheet's delimiter by its file's extension; a workbook or anything else is refused before any work. */
async function templateDelimiter(path: string): Promise<',' | '\t'> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.tsv')
    throw new ConfigError(
      `--template ${path}: journey writes the answers sheet as .csv or .tsv (Excel opens either; journey reads it back as .csv, .tsv or .xlsx)`,
    );
  // An answers sheet may hold interviews: never replaced, --force or not.
  if (
    await lstat(path).then(
      () => true,
      () => false,
    )
  )
    throw new ConfigError(`--template ${path}: already exists, and journey never replaces an answers sheet (it may hold answers); name another file`);
  return extension === '.tsv' ? '\t' : ',';
}

async function runInterview(inventory: string, flags: InterviewFlags): Promise<number> {
  const delimiter = flags.template === undefined ? null : await templateDelimiter(flags.template);
  let read: { model: JourneyModel; findings: Finding[] } | null = null;
  const outputs = [...outputOf(flags), ...(flags.template === undefined ? [] : [{ option: '--template', path: flags.template }])];
  const { result, configs } = await readInputs([inventory], flags, { outputs }, async (inputs, settings) => {
    if (inputs.length !== 1)
      throw new ConfigError(`${inventory}: names ${inputs.length} inventories; journey interview writes the guide for one inventory file`);
    return audit(inputs, { ...settings, onModel: (_file, model, findings) => (read = { model, findings }) });
  });
  if (read === null || result.files.some((file) => file.error !== null)) return EXIT.usage;
  const { model, findings } = read as { model: JourneyModel; findings: Finding[] };
  const config = (await configs.forFile(inventory === '-' ? null : inventory)).interview;
  if (flags.persona !== undefined && guidePersonas(model, flags.persona).length === 0) {
    throw new ConfigError(`--persona: no persona "${flags.persona}" in ${inventory} (its personas: ${model.personas.map((p) => p.name).join(', ')})`);
  }
  // A question for a persona the inventory does not have is never asked: say so, with the nearest name.
  config.questions.forEach((question, index) => {
    if (question.persona === undefined || guidePersonas(model, question.persona).length > 0) return;
    const near = nearest(
      question.persona,
      model.personas.map((p) => p.name),
    );
    say(
      `note: interview.questions[${index}]: persona "${question.persona}" is not in ${inventory}, so the question is not asked${near ? `; did you mean "${near}"?` : ''}`,
    );
  });
  const language = flags.lang ?? config.language ?? inventoryLanguage(model);
  const guide = buildGuide(model, findings, {
    language,
    minutes: flags.minutes ?? config.minutes,
    persona: flags.persona,
    templates: config.templates[language] ?? {},
    questions: config.questions,
  });
  if (flags.template !== undefined) {
    const sheet = answersTemplateCsv(guide, new Map(model.stageModel.stages.map((stage) => [stage.id, stage.label])), delimiter!);
    // Takes the name only if it is still free: a sheet someone created meanwhile is never replaced.
    await writeFileAtomically('--template', flags.template, sheet, { replace: false });
    announceWritten(flags.template, '; the answers sheet: fill in one row per answer, then pass it with --answers');
  }
  await emit(
    flags.format === 'json' ? `${jsonStringify(guide, 2)}\n` : guideMarkdown(guide, inventory === '-' ? flags.stdinFilename : inventory),
    flags.output,
  );
  return EXIT.clean;
}

export function registerInterview(program: Command): void {
  inputOptions(
    program
      .command('interview')
      .description("write a discussion guide per persona from the inventory's gaps, and (--template) the sheet to record answers")
      .argument('<inventory>', 'the inventory file')
      .addOption(new Option('-f, --format <name>', 'output format').choices(['markdown', 'json']).default('markdown'))
      .option('--persona <name>', 'only this persona')
      .addOption(
        new Option('--lang <code>', "the guide's language (default: the config's interview.language, else the inventory's)").choices([...GUIDE_LANGUAGES]),
      )
      .option('--minutes <n>', "the session's length the guide is capped to (default: the config's interview.minutes, 45)", (value) => {
        if (!/^\d+$/.test(value) || Number(value) < 10 || Number(value) > 480)
          throw new ConfigError(`--minutes: expected a whole number of minutes from 10 to 480, got "${value}"`);
        return Number(value);
      })
      .option(
        '--template <file>',
        'also write the answers sheet (.csv or .tsv: persona, interviewee, stage, touchpoint, question, quote, feeling, date) to this new file',
      ),
  ).action(async (inventory: string, flags: InterviewFlags) => {
    process.exitCode = await runInterview(inventory, flags);
  });
}
