/** Where an input problem was found, as precisely as it is known. */
export interface InputPlace {
  file: string;
  sheet?: string | null;
  cell?: string | null;
  line?: number | null;
}

/** A problem with what the user gave us (a file, a sheet, a value): exit code 2, one line, no stack. */
export class InputError extends Error {
  readonly place: InputPlace;
  constructor(place: InputPlace, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
    this.place = place;
  }

  /** One line naming file, sheet and cell (or line) before the reason. */
  describe(): string {
    const { file, sheet, cell, line } = this.place;
    let where = file;
    if (sheet) where += ` [sheet "${sheet}"]`;
    if (cell) where += ` ${cell}`;
    else if (line != null) where += `:${line}`;
    return `${where}: ${this.message}`;
  }

  /** The lines to print, one per problem: one for most errors, one per unreadable row for an answers sheet. */
  lines(): string[] {
    return [this.describe()];
  }
}

/** Several problems in one input (each row of an answers sheet that cannot be read): exit code 2, one line each. */
export class InputProblems extends InputError {
  readonly problems: InputError[];
  constructor(problems: InputError[]) {
    super(problems[0]!.place, problems[0]!.message);
    this.name = 'InputProblems';
    this.problems = problems;
  }

  override lines(): string[] {
    return this.problems.map((problem) => problem.describe());
  }
}

/** A file that holds no inventory (its tables are something else, or name no touchpoints): an input error that says what it saw. */
export class NotInventoryError extends InputError {
  /**
   * True when a table looked like an inventory (its header names a touchpoint, stage, channel or timing
   * column) but could not be read as one: a folder run reports it as an input error, where it passes over
   * other markdown (docs, READMEs) with a note.
   */
  readonly inventoryLike: boolean;
  constructor(place: InputPlace, message: string, options: { inventoryLike?: boolean } = {}) {
    super(place, message);
    this.name = 'NotInventoryError';
    this.inventoryLike = options.inventoryLike ?? false;
  }
}

/** A problem with the configuration or the command line: exit code 2. */
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}
