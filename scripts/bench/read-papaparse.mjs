// The fast-library baseline of issue 29: papaparse's own streaming read of a file (a Node stream
// given to Papa.parse, a row at a time through `step`), records as arrays, counted.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

let records = 0;
Papa.parse(createReadStream(process.argv[2]), {
  step: (result) => {
    if (result.data.length > 0) records++;
  },
  complete: () => process.stdout.write(`${records}\n`),
});
