import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DIALECT } from './dialects.js';
import type { MetricRow, MetricSpec } from './spec.js';
import { metricQuery } from './sql.js';

/** An embedded DuckDB with journey's settings: no extension downloads, a memory limit, a spill folder of its own. */
export class DuckEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly spill: string,
  ) {}

  /** memoryLimit: DuckDB's size text ("4GB"); by default half of the machine's memory. */
  static async open(options: { memoryLimit?: string | undefined; threads?: number | undefined } = {}): Promise<DuckEngine> {
    // Loaded here, never at start-up: only journey measure needs DuckDB.
    const duckdb = await import('@duckdb/node-api');
    const spill = await mkdtemp(join(tmpdir(), 'journey-duckdb-'));
    const memory = options.memoryLimit ?? `${Math.max(256, Math.floor(totalmem() / 2 / (1 << 20)))}MB`;
    const config: Record<string, string> = {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      memory_limit: memory,
      temp_directory: spill,
    };
    if (options.threads !== undefined) config.threads = String(options.threads);
    let instance: DuckDBInstance;
    try {
      instance = await duckdb.DuckDBInstance.create(':memory:', config);
    } catch (error) {
      await rm(spill, { recursive: true, force: true });
      throw error;
    }
    const connection = await instance.connect();
    // A time without a zone is read as UTC, wherever the machine is.
    await connection.run("SET TimeZone = 'UTC'");
    return new DuckEngine(instance, connection, spill);
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** The rows of a query as plain objects (BIGINT as number: counts and epoch milliseconds fit in 2^53). */
  async rows(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader
      .getRowObjectsJS()
      .map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])));
  }

  /** The metric query over the table `ev`. */
  async metrics(spec: MetricSpec): Promise<MetricRow[]> {
    return (await this.rows(metricQuery(DIALECT.duckdb, spec))) as unknown as MetricRow[];
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.spill, { recursive: true, force: true });
  }
}
