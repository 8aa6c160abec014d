// The bare-library baseline: csv-parse's own streaming read of a file, records as arrays, counted.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let records = 0;
const parser = createReadStream(process.argv[2]).pipe(parse({ relax_column_count: true }));
for await (const record of parser) if (record.length > 0) records++;
process.stdout.write(`${records}\n`);
