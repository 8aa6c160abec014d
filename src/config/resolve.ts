import { ConfigError } from '../errors.js';
import type { ReadLimits } from '../load/limits.js';
import type { NormalizeSettings } from '../model/normalize.js';
import type { Channel, Stage, StageModel } from '../model/schema.js';
import { TeamAliases } from '../model/team-names.js';
import { foldKey, nearest } from '../model/text.js';
import { stageModelNamed } from '../model/stage-models.js';
import { CHANNELS, DEFAULT_STAGE_MODEL } from '../model/vocabulary.js';
import { RULES, ruleSuggestion } from '../rules/index.js';
import type { JourneySettings, Rule } from '../rules/rule.js';
import { globMatcher } from './glob.js';
import { describeIssue, describeValue } from './issues.js';
import { DEFAULT_CONFIG, RuleLevelSchema, type Config, type IgnoreEntry, type InterviewConfig, type RuleLevel } from './schema.js';

/** A rule with the level and options a config gives it (defaults filled in). */
export interface RuleSettingResolved {
  rule: Rule;
  level: RuleLevel;
  options: unknown;
}

/** Everything a config decides for one audited file, defaults merged in. */
export interface ResolvedConfig {
  /** The config file used, or null for the defaults. */
  file: string | null;
  rules: RuleSettingResolved[];
  normalize: NormalizeSettings;
  settings: JourneySettings;
  ignore: IgnoreEntry[];
  limits: ReadLimits;
  interview: InterviewConfig;
  /** Touchpoint name → the events of a log that are it (journey measure), each an event name or COLUMN=value. */
  events: Readonly<Record<string, readonly string[]>>;
}

const didYouMean = (text: string, candidates: readonly string[]) => {
  const near = nearest(text, candidates);
  return near ? `; did you mean "${near}"?` : '';
};

const titleCase = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

function resolveRules(rules: Record<string, unknown>): RuleSettingResolved[] {
  const ids = RULES.map((rule) => rule.id);
  for (const id of Object.keys(rules)) {
    if (!ids.includes(id)) throw new ConfigError(`rules.${id}: no such rule${ruleSuggestion(id, ids)} (journey rules lists them)`);
  }
  return RULES.map((rule) => {
    const setting = rules[rule.id] ?? rule.defaultSeverity;
    const path = `rules.${rule.id}`;
    const tuple = Array.isArray(setting);
    if (tuple && (setting.length < 1 || setting.length > 2))
      throw new ConfigError(`${path}: expected a level or [level, options], got an array of ${setting.length}`);
    const level = RuleLevelSchema.safeParse(tuple ? setting[0] : setting);
    if (!level.success) {
      throw new ConfigError(
        `${path}${tuple ? '[0]' : ''}: expected "off", "info", "warning" or "error"${tuple ? '' : ' or [level, options]'}, got ${describeValue(tuple ? setting[0] : setting)}`,
      );
    }
    const rawOptions: unknown = tuple ? (setting[1] ?? {}) : {};
    const options = rule.options.safeParse(rawOptions);
    if (!options.success) throw new ConfigError(describeIssue(options.error.issues[0]!, rawOptions, path));
    return { rule, level: level.data, options: options.data };
  });
}

function resolveStages(config: Config): StageModel {
  const name = config.stageModel ?? 'lifecycle';
  if (name === 'custom' && !config.stages?.replace)
    throw new ConfigError('stageModel: "custom" needs its stages: set stages.replace to true and list them in stages.list, in journey order');
  if (name !== 'custom' && config.stageModel !== undefined && config.stages?.replace)
    throw new ConfigError(
      `stageModel: "${name}" is replaced by stages.list (replace is true); set stageModel to "custom", or replace to false to extend ${name}`,
    );
  const base = name === 'custom' ? DEFAULT_STAGE_MODEL : stageModelNamed(name);
  if (!config.stages) return base;
  const { replace, list } = config.stages;
  const stages: Stage[] = replace ? [] : base.stages.map((stage) => ({ ...stage, synonyms: [...stage.synonyms] }));
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    const path = `stages.list[${i}]`;
    if (seen.has(entry.id)) throw new ConfigError(`${path}.id: "${entry.id}" is listed twice`);
    seen.add(entry.id);
    if (replace && entry.after !== undefined)
      throw new ConfigError(`${path}.after: only used when extending the stage model (replace is true, so the list order is the stage order)`);
    const existing = stages.find((stage) => stage.id === entry.id);
    if (existing) {
      if (entry.label) existing.label = entry.label;
      existing.synonyms.push(...entry.synonyms);
    }
    const stage = existing ?? { id: entry.id, label: entry.label ?? titleCase(entry.id), synonyms: entry.synonyms };
    if (entry.after === undefined) {
      if (!existing) stages.push(stage);
      return;
    }
    const anchor = stages.findIndex((s) => s.id === entry.after);
    if (anchor === -1)
      throw new ConfigError(
        `${path}.after: no stage "${entry.after}"${didYouMean(
          entry.after,
          stages.map((s) => s.id),
        )}`,
      );
    if (existing) stages.splice(stages.indexOf(existing), 1);
    stages.splice(stages.findIndex((s) => s.id === entry.after) + 1, 0, stage);
  });
  return { stages };
}

function resolveChannels(config: Config): Channel[] {
  const channels = CHANNELS.map((channel) => ({ ...channel, synonyms: [...channel.synonyms] }));
  for (const entry of config.channels) {
    const existing = channels.find((channel) => channel.id === entry.id);
    if (existing) {
      if (entry.label) existing.label = entry.label;
      existing.synonyms.push(...entry.synonyms);
      if (entry.automatable !== undefined) existing.automatable = entry.automatable;
      if (entry.inbound !== undefined) existing.inbound = entry.inbound;
    } else {
      channels.push({
        id: entry.id,
        label: entry.label ?? titleCase(entry.id),
        synonyms: entry.synonyms,
        automatable: entry.automatable ?? false,
        inbound: entry.inbound ?? false,
      });
    }
  }
  return channels;
}

/** Checks that no spelling is given to two teams (case and spacing ignored): the config names the key. */
function checkTeams(teams: Config['teams']): void {
  const owner = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(teams)) {
    variants.forEach((variant, i) => {
      const key = foldKey(variant);
      const other = owner.get(key);
      if (other !== undefined && other !== canonical)
        throw new ConfigError(`teams.${canonical}[${i}]: "${variant}" is already a spelling of team "${other}"; give each spelling to one team`);
      owner.set(key, canonical);
    });
    const key = foldKey(canonical);
    const other = owner.get(key);
    if (other !== undefined && other !== canonical) throw new ConfigError(`teams.${canonical}: "${canonical}" is already a spelling of team "${other}"`);
    owner.set(key, canonical);
  }
}

/** stageOwners with each team read through the `teams` aliases, so "PMM" there is the Product Marketing the model reads. */
function resolveStageOwners(config: Config): Record<string, string[]> {
  checkTeams(config.teams);
  const aliases = new TeamAliases(config.teams);
  if (aliases.size === 0) return config.stageOwners;
  return Object.fromEntries(Object.entries(config.stageOwners).map(([stage, teams]) => [stage, [...new Set(teams.map((team) => aliases.read(team)))]]));
}

/** Merges a validated config with journey's defaults; throws ConfigError naming the key for anything that does not fit together. */
export function resolveConfig(config: Config = DEFAULT_CONFIG, file: string | null = null): ResolvedConfig {
  const rules = resolveRules(config.rules);
  const stageModel = resolveStages(config);
  const stageIds = stageModel.stages.map((stage) => stage.id);
  for (const stage of Object.keys(config.stageOwners)) {
    if (!stageIds.includes(stage))
      throw new ConfigError(`stageOwners.${stage}: no stage "${stage}"${didYouMean(stage, stageIds)} (stages are ${stageIds.join(', ')})`);
  }
  const ruleIds = RULES.map((rule) => rule.id);
  config.ignore.forEach((entry, i) => {
    entry.files?.forEach((pattern, j) => {
      try {
        globMatcher([pattern]);
      } catch (error) {
        throw new ConfigError(`ignore[${i}].files[${j}]: ${(error as Error).message}`);
      }
    });
    entry.rules?.forEach((id, j) => {
      if (!ruleIds.includes(id)) throw new ConfigError(`ignore[${i}].rules[${j}]: no such rule "${id}"${ruleSuggestion(id, ruleIds)}`);
    });
    entry.stages?.forEach((id, j) => {
      if (!stageIds.includes(id))
        throw new ConfigError(`ignore[${i}].stages[${j}]: no stage "${id}"${didYouMean(id, stageIds)} (stages are ${stageIds.join(', ')})`);
    });
  });
  config.interview.questions.forEach((question, i) => {
    if (question.stage !== undefined && !stageIds.includes(question.stage)) {
      throw new ConfigError(
        `interview.questions[${i}].stage: no stage "${question.stage}"${didYouMean(question.stage, stageIds)} (stages are ${stageIds.join(', ')})`,
      );
    }
  });
  return {
    file,
    rules,
    normalize: {
      stageModel,
      stageSource:
        config.stageModel !== undefined || config.stages !== undefined
          ? { kind: 'config', name: config.stageModel ?? (config.stages?.replace ? 'custom' : 'lifecycle') }
          : { kind: 'default', name: 'lifecycle' },
      channels: resolveChannels(config),
      columns: config.columns,
      synonyms: config.synonyms,
      sentimentWords: config.sentiment?.words ?? {},
      teams: config.teams,
    },
    settings: { stageOwners: resolveStageOwners(config), personas: config.personas },
    ignore: config.ignore,
    limits: config.limits,
    interview: config.interview,
    events: Object.fromEntries(Object.entries(config.events).map(([name, events]) => [name, typeof events === 'string' ? [events] : events])),
  };
}
