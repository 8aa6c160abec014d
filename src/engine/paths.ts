import { relative, resolve, sep } from 'node:path';

// Every finding of a file asks for the same path; it is worked out once (docs/design.md).
const reportPaths = new Map<string, string>();

/** A file path as findings are fingerprinted and reported to CI: relative to the working folder, with forward slashes. */
export function reportPath(file: string, cwd: string = process.cwd()): string {
  const key = `${cwd}\u0000${file}`;
  let path = reportPaths.get(key);
  if (path === undefined) {
    path = relative(cwd, resolve(cwd, file)).split(sep).join('/');
    reportPaths.set(key, path);
  }
  return path;
}
