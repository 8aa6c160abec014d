/** Flags every command that reads inventories shares (audit, report, map): inputOptions in main.ts defines them. */
export interface InputFlags {
  config?: string;
  sheet?: string[];
  stdinFilename: string;
  readTimeout?: number;
  output?: string;
  force?: boolean;
}
