// `journey init-config [FOLDER]`: a commented starter config.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE_NAME } from '../../config/load.js';
import { ConfigError } from '../../errors.js';
import { writeAtomically } from '../outputs.js';
import { announceWritten } from '../written.js';

export function registerInitConfig(program: Command): void {
  program
    .command('init-config')
    .description(`write a commented starter ${CONFIG_FILE_NAME}`)
    .argument('[folder]', 'folder to write it in', '.')
    .option('--force', 'overwrite an existing config')
    .action(async (folder: string, flags: { force?: boolean }) => {
      const { schemaReference, starterConfig } = await import('../../config/starter.js');
      const path = join(folder, CONFIG_FILE_NAME);
      try {
        await writeAtomically(path, (temporary) => writeFile(temporary, starterConfig(schemaReference(folder)), { flag: 'wx' }), {
          replace: flags.force === true,
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new ConfigError(`${path} already exists; edit it, or pass --force to overwrite it`);
        if (code === 'ENOENT') throw new ConfigError(`${folder}: no such folder`);
        throw new ConfigError(`${path}: cannot be written (${code})`);
      }
      announceWritten(path);
    });
}
