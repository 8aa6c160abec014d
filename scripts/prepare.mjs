// npm runs `prepare` after `npm install` in a clone and when it installs journey from a git URL
// (then it packs the built package). The build needs the devDependencies (typescript, esbuild and the
// libraries the bundle inlines), but npm does not always install them first: a global install from git
// (`npm install -g git+https://…`, npm/cli#8440) or one with --omit=dev runs prepare without them, and
// the build failed with "tsc: not found". Rather than commit build output to git, this installs them
// into the package's own folder when they are missing, then builds.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingBuildTools } from './build-tools.mjs';

const npm = process.env.npm_execpath;
function run(args) {
  // npm_execpath is npm's own script when prepare runs under npm; `npm` on the PATH otherwise.
  const [command, prefix] = npm && npm.endsWith('.js') ? [process.execPath, [npm]] : ['npm', []];
  const result = spawnSync(command, [...prefix, ...args], { stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (missingBuildTools(dirname(dirname(fileURLToPath(import.meta.url)))).length > 0) {
  console.error('journey prepare: the build tools are not installed here (a global or --omit=dev install from git); installing them locally first');
  // --global=false: a global install passes npm_config_global down, which sent this install elsewhere.
  // --ignore-scripts: this install must not run prepare again; esbuild works without its postinstall.
  run(['install', '--global=false', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund']);
}
run(['run', 'build']);
