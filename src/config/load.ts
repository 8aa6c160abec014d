import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { ParseError } from 'jsonc-parser';
import { ConfigError } from '../errors.js';
import { readSmallTextFile } from '../load/text-file.js';
import { describeIssue } from './issues.js';
import { resolveConfig, type ResolvedConfig } from './resolve.js';
import { ConfigSchema } from './schema.js';

/** A config is a few KB; past this it is refused unread (README, Limits). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** The file name journey looks for, walking up from each audited file's folder. */
export const CONFIG_FILE_NAME = 'journey.config.json';

/** Line and column (1-based) of an offset in a text. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
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
  const { parse, printParseErrorCode } = await import('jsonc-parser');
  const errors: ParseError[] = [];
  const raw: unknown = parse(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) throw new ConfigError(`${shown}:${lineColumn(text, first.offset)}: not valid JSON (${printParseErrorCode(first.error)})`);
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
 * Finds the config for each audited file: the one given with --config, else the nearest
 * journey.config.json walking up from the file's folder, else the defaults. Each file is read once.
 */
export class ConfigResolver {
  private readonly byPath = new Map<string, Promise<ResolvedConfig>>();
  private readonly byFolder = new Map<string, Promise<string | null>>();

  constructor(private readonly explicitPath: string | null = null) {}

  /** The config files read so far. */
  files(): string[] {
    return [...this.byPath.keys()];
  }

  /** The resolved config for an audited file (or for the working folder, for stdin). */
  async forFile(file: string | null): Promise<ResolvedConfig> {
    const path = this.explicitPath !== null ? resolve(this.explicitPath) : await this.find(file === null ? process.cwd() : dirname(resolve(file)));
    if (path === null) return resolveConfig();
    let config = this.byPath.get(path);
    if (!config) {
      config = loadConfigFile(path);
      this.byPath.set(path, config);
    }
    return config;
  }

  private find(folder: string): Promise<string | null> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = (async () => {
        const candidate = join(folder, CONFIG_FILE_NAME);
        const isFile = await stat(candidate).then((s) => s.isFile(), () => false);
        if (isFile) return candidate;
        const parent = dirname(folder);
        return parent === folder ? null : this.find(parent);
      })();
      this.byFolder.set(folder, found);
    }
    return found;
  }
}
