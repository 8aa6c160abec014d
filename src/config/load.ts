import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ParseError } from 'jsonc-parser';
import { ConfigError } from '../errors.js';
import { readSmallTextFile } from '../load/text-file.js';
import { describeIssue } from './issues.js';
import { resolveConfig, type ResolvedConfig } from './resolve.js';
import { ConfigSchema } from './schema.js';

/** A config is a few KB; past this it is refused unread (README, Limits). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** The file name journey looks for, walking up from each audited file's folder (and the one init-config writes). */
export const CONFIG_FILE_NAME = 'journey.config.json';
/** What is looked for in each folder, in this order: the config file under either name, else package.json's "journey" key. */
export const CONFIG_FILE_NAMES = [CONFIG_FILE_NAME, 'journey.config.jsonc'] as const;
export const PACKAGE_JSON_KEY = 'journey';

/** jsonc-parser's error codes in words (its own are identifiers such as CloseBraceExpected). */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a key in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a ":" was expected after the key',
  CommaExpected: 'a "," was expected between two entries',
  CloseBraceExpected: 'a closing "}" is missing',
  CloseBracketExpected: 'a closing "]" is missing',
  EndOfFileExpected: 'there is more after the end of the object',
  InvalidCommentToken: 'a malformed comment',
  UnexpectedEndOfComment: 'a /* comment is never closed',
  UnexpectedEndOfString: 'a string is never closed (a missing ")',
  UnexpectedEndOfNumber: 'a number ends too early',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'an unknown \\ escape',
  InvalidCharacter: 'a control character inside a string',
};

/** Line and column (1-based) of an offset in a text. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

// Keys naming JavaScript's object machinery: `{"__proto__": {"rules": …}}` would give the config an
// inherited "rules" the schema reads, so they are refused wherever they appear.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** How deeply objects and arrays may nest in a config (real ones use 4); deeper is refused before parsing. */
export const MAX_CONFIG_DEPTH = 64;
// jsonc-parser's token kinds (a const enum, so written as numbers).
const OPEN_BRACE = 1,
  CLOSE_BRACE = 2,
  OPEN_BRACKET = 3,
  CLOSE_BRACKET = 4,
  COLON = 6,
  STRING = 10;

/** Refuses a config nested too deeply or holding a prototype key, in one pass over its tokens (no recursion). */
function checkShape(text: string, shown: string, createScanner: typeof import('jsonc-parser').createScanner): void {
  const scanner = createScanner(text, true);
  let depth = 0;
  let key: string | null = null;
  let keyOffset = 0;
  for (let token = scanner.scan(); token !== 17; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > MAX_CONFIG_DEPTH)
        throw new ConfigError(
          `${shown}:${lineColumn(text, scanner.getTokenOffset())}: nested more than ${MAX_CONFIG_DEPTH} levels deep; a journey config needs a few`,
        );
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth--;
    else if (token === COLON && key !== null && PROTOTYPE_KEYS.has(key)) {
      throw new ConfigError(
        `${shown}:${lineColumn(text, keyOffset)}: the key "${key}" is not allowed anywhere in a config (it names JavaScript's object prototype); remove it`,
      );
    }
    key = token === STRING ? scanner.getTokenValue() : null;
    keyOffset = scanner.getTokenOffset();
  }
}

/** Reads, parses (JSON with comments and trailing commas) and validates one config file. */
export async function loadConfigFile(path: string): Promise<ResolvedConfig> {
  const shown = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = await readSmallTextFile(path, MAX_CONFIG_BYTES);
  } catch (error) {
    const reason = (error as Error).message;
    throw new ConfigError(`${shown}: ${reason === 'no such file' ? 'no such config file' : reason}`, { cause: error });
  }
  const { createScanner, parse, printParseErrorCode } = await import('jsonc-parser');
  checkShape(text, shown, createScanner);
  const errors: ParseError[] = [];
  const raw: unknown = parse(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const code = printParseErrorCode(first.error);
    throw new ConfigError(
      `${shown}:${lineColumn(text, first.offset)}: not valid JSON: ${JSON_ERRORS[code] ?? code}; fix it at that line and column (comments and trailing commas are allowed)`,
    );
  }
  if (basename(path) === 'package.json') return resolveRaw((raw as Record<string, unknown> | null)?.[PACKAGE_JSON_KEY], `${shown} "${PACKAGE_JSON_KEY}"`, path);
  return resolveRaw(raw, shown, path);
}

/** Validates a config object (a file's, or package.json's "journey" value) and resolves it. */
function resolveRaw(raw: unknown, shown: string, path: string): ResolvedConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${shown}: expected a JSON object at the top level`);
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${shown}: ${describeIssue(parsed.error.issues[0]!, raw)}`);
  try {
    return resolveConfig(parsed.data, resolve(path));
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${shown}: ${error.message}`);
    throw error;
  }
}

/**
 * Finds the config for each audited file: the one given with --config, else the nearest folder, walking
 * up from the file's, with journey.config.json, journey.config.jsonc or a package.json holding a
 * "journey" key (in that order), else the defaults. Each file is read once.
 */
export class ConfigResolver {
  private readonly byPath = new Map<string, Promise<ResolvedConfig>>();
  private readonly byFolder = new Map<string, Promise<string | null>>();

  /** Folders holding a copy of another place (diff's copy of a git revision), each with the working-tree folder it stands for. */
  private readonly copies = new Map<string, string>();

  constructor(private readonly explicitPath: string | null = null) {}

  /**
   * Declares `folder` a copy of `original` (a git revision written out under a temp folder, standing for
   * the repository's root): the walk from a file in it looks for configs only inside the copy, never in
   * the folders above it (a shared temp folder anyone can write to), and when the copy holds none, uses
   * the config the working tree would use for the same path.
   */
  copyOf(folder: string, original: string): void {
    this.copies.set(resolve(folder), resolve(original));
  }

  /** The config files read so far. */
  files(): string[] {
    return [...this.byPath.keys()];
  }

  /** The resolved config for an audited file (or for the working folder, for stdin). */
  async forFile(file: string | null): Promise<ResolvedConfig> {
    const path = this.explicitPath !== null ? resolve(this.explicitPath) : await this.findFor(file === null ? process.cwd() : dirname(resolve(file)));
    if (path === null) return resolveConfig();
    let config = this.byPath.get(path);
    if (!config) {
      config = loadConfigFile(path);
      this.byPath.set(path, config);
    }
    return config;
  }

  /** The config for files in `folder`, a copy's own or else the working tree's for the same place. */
  private async findFor(folder: string): Promise<string | null> {
    for (const [copy, original] of this.copies) {
      const inside = relative(copy, folder);
      if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return (await this.find(folder, copy)) ?? this.find(join(original, inside));
    }
    return this.find(folder);
  }

  /** The nearest config from `folder` up to the root, or only up to `top` when given. */
  private find(folder: string, top?: string): Promise<string | null> {
    // (Walks up; see forFile.)
    let found = this.byFolder.get(folder);
    if (!found) {
      found = (async () => {
        const isFile = (path: string) =>
          stat(path).then(
            (s) => s.isFile(),
            () => false,
          );
        const configs: string[] = [];
        for (const name of CONFIG_FILE_NAMES) if (await isFile(join(folder, name))) configs.push(join(folder, name));
        if (configs.length > 1)
          throw new ConfigError(`${configs.map((path) => relative(process.cwd(), path) || path).join(' and ')}: two configs in one folder; keep one of them`);
        if (configs[0] !== undefined) return configs[0];
        const manifest = join(folder, 'package.json');
        if ((await isFile(manifest)) && (await hasJourneyKey(manifest))) return manifest;
        const parent = dirname(folder);
        return parent === folder || folder === top ? null : this.find(parent, top);
      })();
      this.byFolder.set(folder, found);
    }
    return found;
  }
}

/** Whether a package.json has a "journey" key; an unreadable or broken one is not journey's to report. */
async function hasJourneyKey(path: string): Promise<boolean> {
  try {
    const manifest: unknown = JSON.parse(await readSmallTextFile(path, MAX_CONFIG_BYTES));
    return manifest !== null && typeof manifest === 'object' && PACKAGE_JSON_KEY in manifest;
  } catch {
    return false;
  }
}
