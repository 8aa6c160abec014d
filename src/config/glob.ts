/**
 * Glob matching for patterns that come from a config file (`ignore[].files`). A config arrives in pull
 * requests like the inventories do, and regular-expression based matchers backtrack exponentially on
 * patterns such as `*a*a*a…*b`; this one matches by dynamic programming, in time proportional to
 * pattern length × path length, whatever the pattern.
 *
 * Syntax: `*` (any characters but `/`), `**` as a whole segment (any number of segments), `?`,
 * `[abc]`, `[a-z]`, `[!a]` / `[^a]`, `{a,b}` alternatives, `\` escapes. Dot-files match like any name.
 */

/** The most alternatives one pattern's braces may expand to. */
const MAX_ALTERNATIVES = 256;

type Token = { kind: 'star' } | { kind: 'any' } | { kind: 'char'; char: string } | { kind: 'class'; negated: boolean; ranges: [string, string][] };
type Segment = 'globstar' | Token[];

/** Expands `{a,b}` alternatives (nested too), at most MAX_ALTERNATIVES; throws past that. */
function expandBraces(pattern: string): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{' && depth++ === 0) open = i;
    else if (c === '}' && depth > 0 && --depth === 0) {
      const inner = pattern.slice(open + 1, i);
      const parts: string[] = [];
      let start = 0;
      let level = 0;
      for (let j = 0; j < inner.length; j++) {
        const d = inner[j];
        if (d === '\\') j++;
        else if (d === '{') level++;
        else if (d === '}') level--;
        else if (d === ',' && level === 0) {
          parts.push(inner.slice(start, j));
          start = j + 1;
        }
      }
      parts.push(inner.slice(start));
      if (parts.length === 1) continue; // `{a}` is literal, as in shells
      const head = pattern.slice(0, open);
      const rest = expandBraces(pattern.slice(i + 1));
      const out: string[] = [];
      for (const part of parts) {
        for (const middle of expandBraces(part)) {
          for (const tail of rest) {
            out.push(head + middle + tail);
            if (out.length > MAX_ALTERNATIVES) throw new Error(`its {…} alternatives expand to more than ${MAX_ALTERNATIVES} patterns`);
          }
        }
      }
      return out;
    }
  }
  return [pattern];
}

function tokens(segment: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && i + 1 < segment.length) out.push({ kind: 'char', char: segment[++i]! });
    else if (c === '*') {
      if (out.at(-1)?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'any' });
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        out.push({ kind: 'char', char: c });
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let j = 0; j < body.length; j++) {
        if (body[j + 1] === '-' && j + 2 < body.length) {
          ranges.push([body[j]!, body[j + 2]!]);
          j += 2;
        } else ranges.push([body[j]!, body[j]!]);
      }
      out.push({ kind: 'class', negated, ranges });
      i = close;
    } else out.push({ kind: 'char', char: c });
  }
  return out;
}

function tokenMatches(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'any':
      return true;
    case 'char':
      return token.char === char;
    case 'class':
      return token.ranges.some(([from, to]) => char >= from && char <= to) !== token.negated;
    case 'star':
      return true;
  }
}

/**
 * Whether `items` match `pattern`, where a star element matches any run of items and every other element
 * one item: a row of booleans per pattern element, O(elements × items), never backtracking. Used for the
 * characters of a segment (`*`) and for the segments of a path (`**`).
 */
function matchesSequence<P, T>(
  pattern: readonly P[],
  items: ArrayLike<T>,
  isStar: (element: P) => boolean,
  matchesOne: (element: P, item: T) => boolean,
): boolean {
  let row = new Array<boolean>(items.length + 1).fill(false);
  row[0] = true;
  for (const element of pattern) {
    const next = new Array<boolean>(items.length + 1).fill(false);
    if (isStar(element)) {
      let reachable = false;
      for (let j = 0; j <= items.length; j++) {
        reachable ||= row[j]!;
        next[j] = reachable;
      }
    } else {
      for (let j = 0; j < items.length; j++) if (row[j] && matchesOne(element, items[j]!)) next[j + 1] = true;
    }
    row = next;
  }
  return row[items.length]!;
}

const segmentMatches = (pattern: Token[], text: string) => matchesSequence(pattern, text, (token) => token.kind === 'star', tokenMatches);

const pathMatches = (pattern: Segment[], path: string[]) =>
  matchesSequence(
    pattern,
    path,
    (segment) => segment === 'globstar',
    (segment, part) => segment !== 'globstar' && segmentMatches(segment, part),
  );

/** A matcher for `/`-separated relative paths; throws Error with the reason for a pattern it cannot take. */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const compiled = patterns.flatMap((pattern) =>
    expandBraces(pattern).map((alternative) =>
      alternative
        .replace(/^\.\//, '')
        .split('/')
        .filter((part, i, all) => part !== '' || i === all.length - 1)
        .map((part): Segment => (part === '**' ? 'globstar' : tokens(part))),
    ),
  );
  return (path) => {
    const parts = path.split('/');
    return compiled.some((pattern) => pathMatches(pattern, parts));
  };
}
