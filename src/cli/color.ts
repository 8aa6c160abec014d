/** Whether to color output for a stream: NO_COLOR wins, then FORCE_COLOR, then whether it is a terminal. */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  // chalk 5 ignores NO_COLOR (https://no-color.org), so it is handled here.
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return stream.isTTY === true && env.TERM !== 'dumb';
}
