import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of Debian's PostgreSQL programs (initdb, pg_ctl, psql), or null when PostgreSQL is not installed. */
function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(base, versions[0], 'bin');
}

/** A throwaway PostgreSQL cluster on a unix socket in a temporary folder, run as the postgres user when we are root (PostgreSQL refuses root). */
export class TestPostgres {
  private constructor(
    private readonly bin: string,
    private readonly folder: string,
    private readonly asUser: string | null,
  ) {}

  static available(): boolean {
    return postgresBin() !== null;
  }

  static start(): TestPostgres {
    const bin = postgresBin();
    if (bin === null) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
    const root = process.getuid?.() === 0;
    const folder = mkdtempSync(join(tmpdir(), 'journey-pg-'));
    const pg = new TestPostgres(bin, folder, root ? 'postgres' : null);
    if (root) {
      const { uid, gid } = userIds('postgres');
      chownSync(folder, uid, gid);
    }
    pg.exec('initdb', ['-D', join(folder, 'data'), '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    pg.exec('pg_ctl', [
      '-D',
      join(folder, 'data'),
      '-l',
      join(folder, 'log'),
      '-w',
      '-o',
      `-c listen_addresses='' -c unix_socket_directories='${folder}' -c fsync=off -k ${folder}`,
      'start',
    ]);
    return pg;
  }

  private exec(program: string, args: string[], input?: string): string {
    const command = join(this.bin, program);
    const [file, argv] = this.asUser === null ? [command, args] : ['runuser', ['-u', this.asUser, '--', command, ...args]];
    const result = spawnSync(file, argv, { encoding: 'utf8', input, maxBuffer: 256 << 20 });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  }

  /** Runs SQL through psql and returns its CSV output (header first). */
  query(sql: string): string {
    return this.exec('psql', ['-X', '-q', '-h', this.folder, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '--csv', '-f', '-'], sql);
  }

  /** Writes a file the server's user can read (for \copy). */
  file(name: string, text: string): string {
    const path = join(this.folder, name);
    writeFileSync(path, text);
    chmodSync(path, 0o644);
    return path;
  }

  stop(): void {
    try {
      this.exec('pg_ctl', ['-D', join(this.folder, 'data'), '-m', 'immediate', 'stop']);
    } finally {
      rmSync(this.folder, { recursive: true, force: true });
    }
  }
}

function userIds(name: string): { uid: number; gid: number } {
  const [uid, gid] = execFileSync('id', ['-u', name], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .concat(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid: Number(uid), gid: Number(gid) };
}
