// A stand-in for a ClickHouse server, for the tests of journey measure --clickhouse-url: enough of
// ClickHouse's HTTP interface (a query in the POST body, its output in the response, an exception as a
// 500 with ClickHouse's "Code: N. DB::Exception" text) for the official client, answered by real
// ClickHouse code: chdb, in a session holding the table the events are loaded into.
// Usage: node clickhouse-http.mjs TABLE EVENTS.csv USER PASSWORD; prints the port it listens on.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const [table, file, user, password] = process.argv.slice(2);
const { Session } = createRequire(import.meta.url)('chdb');
const session = new Session();
const literal = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
session.query(`CREATE TABLE ${table} ENGINE = MergeTree ORDER BY tuple() AS SELECT * FROM file(${literal(resolve(file))}, 'CSVWithNames')`);

/** Queries received, for the test to see what the client sent. */
const received = [];

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    if (request.headers.authorization !== expected) {
      response.writeHead(516, { 'Content-Type': 'text/plain' });
      response.end(
        `Code: 516. DB::Exception: ${user}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)`,
      );
      return;
    }
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === '/journey-test/received') {
      response.end(JSON.stringify(received));
      return;
    }
    const sql = url.searchParams.get('query') ?? Buffer.concat(chunks).toString('utf8');
    received.push(sql);
    try {
      const format = /FORMAT\s+(\w+)\s*$/.exec(sql)?.[1] ?? 'TabSeparated';
      const out = session.query(sql, format);
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Format': format });
      response.end(out);
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Exception-Code': '0' });
      response.end(`Code: 0. DB::Exception: ${String(error.message).split('\n')[0]}`);
    }
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => {
  server.close();
  session.cleanup();
  process.exit(0);
});
