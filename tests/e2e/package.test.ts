import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModules } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, TEST_EPOCH } from '../helpers/cli.js';

// The package as a user gets it: `npm pack` (npm test has built it), installed into an empty project,
// its API imported and its bin run from there. npm and installing take a while on a busy machine.
const SLOW = 240_000;
/** The declarations the public types are made of, beside dist/index.d.ts, dist/api/types.d.ts and dist/errors.d.ts. */
const DECLARATIONS = [
  'dist/engine/result.d.ts',
  'dist/load/formats.d.ts',
  'dist/model/fields.d.ts',
  'dist/model/metrics.d.ts',
  'dist/model/schema.d.ts',
  'dist/vocab/severity.d.ts',
  'dist/vocab/touchpoint.d.ts',
];
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  files: string[];
};
const work = mkdtempSync(join(tmpdir(), 'journey-package-'));
const project = join(work, 'project');

function npm(args: string[], cwd: string) {
  const result = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

let tarball = '';
let packed: string[] = [];
let installed = false;

beforeAll(() => {
  // --ignore-scripts: the build is npm test's; prepare would build again.
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
  expect(pack.code, pack.out).toBe(0);
  const info = JSON.parse(pack.out.slice(pack.out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info[0]!.filename);
  packed = info[0]!.files.map((file) => file.path);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  // Offline first: the runtime dependency (DuckDB, for measure) is in npm's cache after npm ci.
  let install = npm(['install', '--offline', tarball], project);
  if (install.code !== 0) install = npm(['install', '--prefer-offline', tarball], project);
  if (install.code === 0) installed = true;
  else if (process.env.CI === 'true') throw new Error(`installing the packed package failed:\n${install.out}`);
  else
    process.stdout.write(
      `skipped: installing the packed package (its dependencies are not in npm's cache and the registry cannot be reached)\n${install.out.split('\n').slice(-3).join('\n')}\n`,
    );
}, SLOW);

describe('npm pack', () => {
  it('holds the bin, the bundle, the declarations and the schemas, and nothing of the sources, tests or fixtures', () => {
    expect(manifest.name).toBe('journey-audit');
    for (const file of [
      'bin/journey.js',
      'dist/boot/code-cache.js',
      'dist/bundle/main.cjs',
      'dist/lib/index.js',
      'dist/index.d.ts',
      'dist/api/types.d.ts',
      'dist/errors.d.ts',
      // The public types are the engine's own, published as they are: these declarations, which import nothing else.
      ...DECLARATIONS,
      'journey.config.schema.json',
      'journey-diff.schema.json',
      'journey-measure.schema.json',
      'package.json',
      'README.md',
    ]) {
      expect(packed, file).toContain(file);
    }
    const unexpected = packed.filter(
      (file) =>
        !/^(bin\/journey\.js|dist\/boot\/code-cache\.js|dist\/bundle\/[^/]+\.cjs|dist\/lib\/[^/]+\.js|dist\/(index|errors|api\/types|engine\/result|load\/formats|model\/fields|model\/metrics|model\/schema|vocab\/severity|vocab\/touchpoint)\.d\.ts|journey(-diff)?\.config\.schema\.json|journey-(diff|measure)\.schema\.json|package\.json|README\.md|LICENSE)$/.test(
          file,
        ),
    );
    expect(unexpected).toEqual([]);
  });

  it('depends at run time only on what the bundle leaves out (every bare import of the bundle is a dependency, and every dependency is imported)', () => {
    const imported = new Set<string>();
    // The CLI's bundle, its loader and the API's bundle.
    const files = ['dist/bundle', 'dist/lib', 'dist/boot'].flatMap((folder) =>
      readdirSync(join(root, folder))
        .filter((name) => /\.c?js$/.test(name))
        .map((name) => join(root, folder, name)),
    );
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Static imports at the start of a line, and import("…") or require("…") of a package-like name.
      for (const match of text.matchAll(
        /^\s*(?:import|export)\s[^'"\n]*?from\s*["']([^"']+)["']|\b(?:import|require)\(\s*["']((?:@[\w.-]+\/)?[\w.-]+(?:\/[\w./-]*)?)["']\s*\)/gm,
      )) {
        const specifier = (match[1] ?? match[2])!;
        if (specifier.startsWith('.')) continue;
        if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(manifest.dependencies ?? {}).sort());
    // Not exceljs: its dependencies brought @types/node@14 into the user's node_modules (through
    // fast-csv), which broke their type-checking; init writes workbooks with journey's own writer.
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain('exceljs');
  });

  it('is one command from its first release: npm publish --dry-run accepts it as journey-audit at its version', () => {
    // --ignore-scripts: the build is npm test's.
    const publish = npm(['publish', '--dry-run', '--ignore-scripts'], root);
    expect(publish.code, publish.out).toBe(0);
    expect(publish.out).toContain(`+ ${manifest.name}@${manifest.version}`);
    expect(publish.out).toMatch(/npm notice name: +journey-audit\n/);
    // Nothing npm would have to correct or refuse in package.json.
    expect(publish.out).not.toMatch(/auto-corrected|npm error|invalid/i);
  });
});

describe('the installed package', () => {
  it(
    "runs the journey bin: --version and -v print package.json's version, audit reports, init writes a workbook",
    (context) => {
      if (!installed) return context.skip();
      const bin = join(project, 'node_modules/.bin/journey');
      const run = (args: string[]) =>
        spawnSync(bin, args, { cwd: project, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, GITHUB_STEP_SUMMARY: undefined } });
      expect(run(['--version']).stdout.trim()).toBe(manifest.version);
      expect(run(['-v']).stdout.trim()).toBe(manifest.version);
      copyFileSync(join(root, 'fixtures/sample-inventory.csv'), join(project, 'inventory.csv'));
      const audit = run(['audit', 'inventory.csv', '--format', 'sarif']);
      expect(audit.status, audit.stderr).toBe(1);
      const sarif = JSON.parse(audit.stdout) as { runs: { tool: { driver: { version: string } } }[] };
      expect(sarif.runs[0]!.tool.driver.version).toBe(manifest.version);
      // journey measure loads DuckDB from the installed dependency, outside the bundle.
      copyFileSync(join(root, 'fixtures/measure/clickstream.csv'), join(project, 'events.csv'));
      const measure = run(['measure', 'events.csv', '--format', 'json']);
      expect(measure.status, measure.stderr).toBe(0);
      expect(JSON.parse(measure.stdout).users).toBe(8);
      const init = run(['init', 'starter.xlsx']);
      expect(init.status, init.stderr).toBe(0);
      expect(readFileSync(join(project, 'starter.xlsx')).subarray(0, 2).toString()).toBe('PK');
      // init-config points $schema at the installed package's schema, which is there.
      expect(run(['init-config', '--force']).status).toBe(0);
      const schema = /"\$schema": "([^"]+)"/.exec(readFileSync(join(project, 'journey.config.json'), 'utf8'))![1]!;
      expect(schema).toBe('./node_modules/journey-audit/journey.config.schema.json');
      expect(JSON.parse(readFileSync(join(project, schema), 'utf8')).$schema).toMatch(/json-schema\.org/);
    },
    SLOW,
  );

  it(
    'is imported as a user would: audit, loadInventory, rules and formatters, with the JSON format carrying the version',
    (context) => {
      if (!installed) return context.skip();
      writeFileSync(
        join(project, 'use.mjs'),
        `import { audit, loadInventory, rules, formatters, version } from 'journey-audit';
const result = await audit(['inventory.csv']);
const inventory = await loadInventory('inventory.csv');
const json = JSON.parse(await formatters.json(result));
console.log(JSON.stringify({ version, resultVersion: result.version, findings: result.findings.length, touchpoints: inventory.touchpoints.length, rules: rules.map((r) => r.id), formats: Object.keys(formatters), tool: json.tool, stylish: (await formatters.stylish(result)).length > 0 }));
`,
      );
      copyFileSync(join(root, 'fixtures/sample-inventory.csv'), join(project, 'inventory.csv'));
      const used = spawnSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH } });
      expect(used.status, used.stderr).toBe(0);
      const out = JSON.parse(used.stdout) as Record<string, unknown>;
      expect(out.version).toBe(manifest.version);
      expect(out.resultVersion).toBe(1);
      expect(out.findings).toBeGreaterThan(0);
      expect(out.touchpoints).toBe(25);
      expect(out.rules).toContain('handoff-lag');
      expect(out.formats).toEqual(expect.arrayContaining(['json', 'sarif', 'stylish', 'junit', 'github', 'markdown']));
      expect(out.tool).toEqual({ name: 'journey-audit', version: manifest.version });
      expect(out.stylish).toBe(true);
    },
    SLOW,
  );
});

describe("a consumer's TypeScript project", () => {
  it(
    // One tsc run (each costs a full check of @types/node) for both: the declarations alone, and beside a project's own @types/node.
    'type-checks with @types/node@20 and skipLibCheck off against declarations that need nothing else installed (no zod, no commander, no other @types/node)',
    () => {
      const consumer = join(work, 'ts-consumer');
      mkdirSync(consumer);
      writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'ts-consumer', private: true, type: 'module' }));
      // journey-audit first, as into an existing project. exceljs, its dependency until it was replaced,
      // put @types/node@14 (through fast-csv) at the top of node_modules here, and TypeScript loads every
      // package in node_modules/@types: TS2403 on AbortSignal with skipLibCheck off.
      const alone = npm(['install', '--prefer-offline', tarball], consumer);
      expect(alone.code, alone.out).toBe(0);
      expect(readdirSync(join(consumer, 'node_modules'))).not.toContain('@types');
      // @types/node@20 from the tarballs of this checkout's own copy (with its one dependency), so the test needs no registry.
      const types = join(work, 'types');
      mkdirSync(types);
      const packTypes = npm(
        ['pack', '--ignore-scripts', '--json', '--pack-destination', types, join(root, 'node_modules/@types/node'), join(root, 'node_modules/undici-types')],
        root,
      );
      expect(packTypes.code, packTypes.out).toBe(0);
      const typeTarballs = readdirSync(types).map((name) => join(types, name));
      const withTypes = npm(['install', '--offline', '--save-dev', ...typeTarballs], consumer);
      expect(withTypes.code, withTypes.out).toBe(0);
      expect(JSON.parse(readFileSync(join(consumer, 'node_modules/@types/node/package.json'), 'utf8')).version).toMatch(/^20\./);
      writeFileSync(
        join(consumer, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { strict: true, skipLibCheck: false, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext' },
        }),
      );
      writeFileSync(
        join(consumer, 'index.ts'),
        `import * as journey from 'journey-audit';
import { audit, formatters, loadInventory, rules, type AuditResult, type Finding, type Severity } from 'journey-audit';
const result: AuditResult = await journey.audit(['inventory.csv']);
const findings: Finding[] = result.findings;
const signal: AbortSignal = AbortSignal.timeout(1000);
const overview: AuditResult = await audit('inventory.csv', { overview: true });
const first: Finding | undefined = overview.findings[0];
const severity: Severity | undefined = first?.severity;
const version: 1 = overview.version;
const names: string[] = (await loadInventory('inventory.csv')).touchpoints.map((t) => t.name);
const text: string = await formatters.compact(overview);
// A problem's kind names the rule that reports it, and narrows to its own details.
const suggestions: (string | null)[] = (await loadInventory('inventory.csv')).problems.flatMap((p) => (p.kind === 'unknown-value' ? [p.suggestion] : []));
// @ts-expect-error: the result's findings are typed, not any
const wrong: number = overview.findings[0]?.message;
export { findings, signal, severity, version, names, text, suggestions, wrong, rules };
`,
      );
      // The consumer's TypeScript is this checkout's; its types come from the consumer's node_modules only.
      const check = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', consumer], { cwd: consumer, encoding: 'utf8' });
      expect(check.status, check.stdout).toBe(0);
    },
    SLOW,
  );
});

// Installing from git runs prepare, which builds: minutes of npm and tsc. It runs in CI and when asked.
const gitInstall = process.env.CI === 'true' || process.env.JOURNEY_TEST_GIT_INSTALL === '1';
if (!gitInstall) process.stdout.write('skipped: installing from a git URL (slow; runs with CI=true or JOURNEY_TEST_GIT_INSTALL=1)\n');

/** The working tree as a git repository of its own (tracked and new files, not ignored ones), so uncommitted work is what is tested. */
let snapshotted: string | null = null;
function snapshot(): string {
  if (snapshotted !== null) return snapshotted;
  const repo = join(work, 'repo');
  mkdirSync(repo);
  const git = (args: string[], cwd = repo) => {
    const result = spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
    });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout;
  };
  for (const file of git(['ls-files', '-co', '--exclude-standard', '-z'], root).split('\0').filter(Boolean)) {
    mkdirSync(join(repo, file, '..'), { recursive: true });
    try {
      copyFileSync(join(root, file), join(repo, file));
    } catch {
      // Listed but deleted in the working tree.
    }
  }
  git(['init', '-q']);
  git(['add', '-A']);
  git(['commit', '-qm', 'snapshot']);
  snapshotted = repo;
  return repo;
}

describe.runIf(gitInstall)('installing from a git URL', () => {
  it("README's Install commands work as written in a clone, on a machine with no journey on it", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Install\n'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
    const commands = block
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter(Boolean);
    expect(commands).toContain(`npm install --global ./${manifest.name}-${manifest.version}.tgz`);
    const clone = join(work, 'readme-clone');
    const git = spawnSync('git', ['clone', '-q', snapshot(), clone], { encoding: 'utf8' });
    expect(git.status, git.stderr).toBe(0);
    const prefix = join(work, 'readme-global');
    // A PATH with no journey on it: the global folder the README's install fills, then the system's.
    const env = {
      ...process.env,
      npm_config_prefix: prefix,
      npm_config_prefer_offline: 'true',
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      PATH: `${join(prefix, 'bin')}:${process.env.PATH}`,
    };
    expect(spawnSync('bash', ['-c', 'command -v journey'], { env, encoding: 'utf8' }).status).not.toBe(0);
    for (const command of commands) {
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], { cwd: clone, encoding: 'utf8', env });
      expect(result.status, `${command}\n${result.stdout}${result.stderr}`).toBe(0);
      if (command === 'journey --version') expect(result.stdout.trim()).toBe(manifest.version);
    }
  }, 900_000);

  it('npm pack of the git URL builds in prepare, and its tarball installs a working journey globally', () => {
    const repo = snapshot();
    // As the README says: a global install straight from git is broken in npm itself (npm/cli#8440: its
    // preparation install runs in global mode against the global folder), so the git URL is packed first.
    const fromGit = join(work, 'from-git');
    mkdirSync(fromGit);
    const pack = npm(['pack', '--prefer-offline', '--pack-destination', fromGit, `git+file://${repo}`], work);
    if (pack.code !== 0 && process.env.CI !== 'true' && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENOTCACHED/.test(pack.out)) {
      process.stdout.write('skipped: installing from a git URL (the registry cannot be reached for the build tools)\n');
      return;
    }
    expect(pack.code, pack.out).toBe(0);
    const prefix = join(work, 'global');
    const install = npm(['install', '--global', '--prefix', prefix, '--prefer-offline', join(fromGit, readdirSync(fromGit)[0]!)], work);
    expect(install.code, install.out).toBe(0);
    const version = spawnSync(join(prefix, 'bin/journey'), ['--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(manifest.version);
  }, 900_000);

  it('prepare builds where npm gave it no devDependencies (as in a global install from git), instead of "tsc: not found"', () => {
    const clone = join(work, 'bare-clone');
    const git = spawnSync('git', ['clone', '-q', snapshot(), clone], { encoding: 'utf8' });
    expect(git.status, git.stderr).toBe(0);
    // npm_config_global as npm's own git preparation passes it down: the install prepare makes must stay local.
    const prepare = spawnSync(process.execPath, ['scripts/prepare.mjs'], {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, npm_config_global: 'true', npm_config_prefer_offline: 'true' },
    });
    expect(prepare.status, prepare.stderr).toBe(0);
    expect(prepare.stderr).toContain('journey prepare: the build tools are not installed here');
    const version = spawnSync(process.execPath, [join(clone, 'bin/journey.js'), '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(manifest.version);
  }, 900_000);
});

/** The `run:` scripts of a GitHub Actions workflow's steps, by step name, with each step's env. */
function workflowSteps(path: string): { name: string; run: string; env: Record<string, string> }[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const steps: { name: string; run: string; env: Record<string, string> }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const name = /^\s*- name: (.*)$/.exec(lines[i]!);
    if (name) steps.push({ name: name[1]!, run: '', env: {} });
    const step = steps.at(-1);
    const run = /^(\s*)run: (.*)$/.exec(lines[i]!);
    if (step && run) {
      if (run[2] !== '|') step.run = run[2]!;
      else {
        const body: string[] = [];
        while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || lines[i + 1]!.search(/\S/) > run[1]!.length))
          body.push(lines[++i]!.slice(run[1]!.length + 2));
        step.run = body.join('\n');
      }
    }
    const env = /^\s{10}([A-Z_]+): (.*)$/.exec(lines[i]!);
    if (step && env) step.env[env[1]!] = env[2]!;
  }
  return steps.filter((step) => step.run !== '');
}

describe('the example CI files, run as written against the packed package', () => {
  const workspace = (name: string) => {
    const folder = join(work, name);
    mkdirSync(join(folder, 'inventories'), { recursive: true });
    copyFileSync(join(root, 'fixtures/sample-inventory.xlsx'), join(folder, 'inventories/sample.xlsx'));
    copyFileSync(join(root, 'fixtures/sample-inventory.csv'), join(folder, 'inventories/sample.csv'));
    return folder;
  };
  /**
   * Runs an example's install step as written in `folder`, the packed tarball put where the step says the
   * repository keeps it; "global" is a folder of the test's own. Returns the PATH the later steps run with.
   */
  const installAsWritten = (folder: string, command: string): string => {
    const tarballPath = /^npm install --global (\.\/\S+\.tgz)$/.exec(command)?.[1];
    expect(tarballPath, `the install step installs a tarball the repository keeps: ${command}`).toBeDefined();
    mkdirSync(join(folder, tarballPath!, '..'), { recursive: true });
    copyFileSync(tarball, join(folder, tarballPath!));
    const prefix = join(folder, '.global');
    // Its dependencies come from npm's cache after npm ci, as in the package's own install above.
    const install = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
      cwd: folder,
      encoding: 'utf8',
      env: {
        ...process.env,
        npm_config_prefix: prefix,
        npm_config_prefer_offline: 'true',
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
      },
    });
    expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
    return `${join(prefix, 'bin')}:${process.env.PATH}`;
  };

  it(
    'examples/github-actions.yml: installs journey from the tarball, and its steps leave one summary, SARIF, and a failing annotations step',
    () => {
      const steps = workflowSteps(join(root, 'examples/github-actions.yml'));
      expect(steps[0]!.name).toBe('Install journey');
      const folder = workspace('github');
      const pathWithJourney = installAsWritten(folder, steps[0]!.run);
      let summaries = '';
      const codes: Record<string, number | null> = {};
      for (const [i, step] of steps.slice(1).entries()) {
        // Each step gets a summary file of its own, as on GitHub, which shows them one after another.
        const summary = join(folder, `summary-${i}.md`);
        writeFileSync(summary, '');
        const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
          cwd: folder,
          encoding: 'utf8',
          env: { ...process.env, PATH: pathWithJourney, GITHUB_STEP_SUMMARY: summary, SOURCE_DATE_EPOCH: TEST_EPOCH },
        });
        codes[step.name] = run.status;
        summaries += readFileSync(summary, 'utf8');
      }
      expect(codes).toEqual({ 'Gap report as the job summary': 0, 'Audit for code scanning': 0, 'Audit with annotations': 1 });
      expect((summaries.match(/^(# Communication inventory gap report|### journey:)/gm) ?? []).length).toBe(1);
      expect(JSON.parse(readFileSync(join(folder, 'journey.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'examples/gitlab-ci.yml: the gap report, and a JUnit report whose failures match the exit code',
    () => {
      const text = readFileSync(join(root, 'examples/gitlab-ci.yml'), 'utf8');
      const block = text.slice(text.indexOf('\n  script:\n') + 11).split(/\n {2}\S/)[0]!;
      const script = block.split('\n').flatMap((line) => /^ {4}- (.*?)(\s+#.*)?$/.exec(line)?.[1] ?? []);
      const folder = workspace('gitlab');
      const pathWithJourney = installAsWritten(folder, script[0]!);
      const codes = script
        .slice(1)
        .map(
          (command) =>
            spawnSync('sh', ['-c', command], { cwd: folder, encoding: 'utf8', env: { ...process.env, PATH: pathWithJourney, SOURCE_DATE_EPOCH: TEST_EPOCH } })
              .status,
        );
      expect(codes).toEqual([0, 1]);
      expect(readFileSync(join(folder, 'gaps.md'), 'utf8')).toMatch(/^# Communication inventory gap report/);
      // Exit 1 for the sample's two error-level findings (one per file), and exactly those fail in the test report.
      expect(readFileSync(join(folder, 'journey-junit.xml'), 'utf8')).toMatch(/<testsuites name="journey" tests="\d+" failures="2" errors="0">/);
    },
    SLOW,
  );

  it(
    'examples/journey-diff-pr.yml: the diff step compares the base commit with the head and writes the comment',
    () => {
      const steps = workflowSteps(join(root, 'examples/journey-diff-pr.yml'));
      expect(steps[0]!.name).toBe('Install journey');
      const diff = steps.find((step) => step.name === 'Diff the changed inventories')!;
      const folder = workspace('diff');
      const pathWithJourney = installAsWritten(folder, steps[0]!.run);
      const git = (...args: string[]) =>
        spawnSync('git', args, {
          cwd: folder,
          encoding: 'utf8',
          env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
        }).stdout.trim();
      git('init', '-q');
      git('add', 'inventories');
      git('commit', '-qm', 'base');
      const base = git('rev-parse', 'HEAD');
      // The pull request moves the kickoff call later: the handoff lag grows.
      const csv = join(folder, 'inventories/sample.csv');
      writeFileSync(csv, readFileSync(csv, 'utf8').replace(/Kickoff call(.*?),44,/, 'Kickoff call$1,58,'));
      git('commit', '-qam', 'head');
      const output = join(folder, 'github-output');
      writeFileSync(output, '');
      const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', diff.run], {
        cwd: folder,
        encoding: 'utf8',
        env: {
          ...process.env,
          PATH: pathWithJourney,
          BASE: base,
          GITHUB_STEP_SUMMARY: join(folder, 'summary.md'),
          GITHUB_OUTPUT: output,
          SOURCE_DATE_EPOCH: TEST_EPOCH,
        },
      });
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(join(folder, 'journey-diff.md'), 'utf8')).toMatch(/^### journey diff: .*inventories\/sample\.csv\n\n⚠️ Introduces 1 finding/);
      // The grown lag is a new warning: --fail-on-new warning fails the check in the last step.
      expect(readFileSync(output, 'utf8')).toBe('status=1\n');
    },
    SLOW,
  );
});
