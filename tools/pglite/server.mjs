// A PostgreSQL server for Sextant's postgres tests: PGlite (PostgreSQL
// compiled to WebAssembly) with pgvector, on a loopback TCP port only.
//
//   node server.mjs [--data DIR] [--port N] [--password SECRET] [--port-file FILE]
//
// --data keeps the database in DIR (in memory without it), so a stopped
// server can be started again on the same data. --port 0 (the default) takes
// a free port; the port is printed as "listening PORT" and written to
// --port-file. PGlite accepts any password; with --password this script asks
// the client for one (cleartext, as PostgreSQL's "password" method does) and
// refuses a wrong one with SQLSTATE 28P01 before handing the connection on.
// SIGTERM and SIGINT stop it cleanly.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import net from 'node:net';
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '0' },
    password: { type: 'string' },
    'port-file': { type: 'string' },
  },
});
const host = '127.0.0.1';
const db = new PGlite(args.data ? args.data : 'memory://', { extensions: { vector } });
await db.waitReady;

// More than one connection may be open at a time (a client that has just
// closed may not be detached yet when the next connects); PGlite runs their
// statements one at a time, and the tests never run two sessions at once.
const inner = new PGLiteSocketServer({
  db, host, port: args.password !== undefined ? 0 : Number(args.port), maxConnections: 16,
});
let innerPort = 0;
inner.addEventListener('listening', (e) => { innerPort = e.detail.port; });
await inner.start();

let outer = null;
let port = innerPort;
if (args.password !== undefined) {
  outer = net.createServer((client) => gate(client));
  await new Promise((resolve) => outer.listen(Number(args.port), host, resolve));
  port = outer.address().port;
}
if (args['port-file']) fs.writeFileSync(args['port-file'], `${port}\n`);
console.log(`listening ${port}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  if (outer) outer.close();
  await inner.stop();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

function errorResponse(code, message) {
  const fields = Buffer.concat([
    Buffer.from('SFATAL\0VFATAL\0C' + code + '\0M' + message + '\0\0', 'utf8'),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

// Reads the startup packet (answering SSL and GSS requests with "N"), asks
// for the password, checks it, then splices the client to the PGlite server.
function gate(client) {
  let buffer = Buffer.alloc(0);
  let startup = null;
  let user = '';
  let done = false;
  client.on('error', () => {});
  client.on('data', (chunk) => {
    if (done) return;
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!startup) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (length < 8 || length > 10000) { client.destroy(); done = true; return; }
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const packet = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === 80877103 || code === 80877104) { client.write('N'); continue; }
        if (code === 80877102) { client.destroy(); done = true; return; }
        startup = Buffer.from(packet);
        const parts = packet.subarray(8).toString('utf8').split('\0');
        for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === 'user') user = parts[i + 1];
        const ask = Buffer.alloc(9);
        ask.write('R', 0);
        ask.writeInt32BE(8, 1);
        ask.writeInt32BE(3, 5);
        client.write(ask);
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1);
      if (buffer[0] !== 0x70 || length < 5 || length > 10000) { client.destroy(); done = true; return; }
      if (buffer.length < length + 1) return;
      const given = buffer.subarray(5, length + 1).toString('utf8').replace(/\0$/, '');
      const rest = buffer.subarray(length + 1);
      done = true;
      if (given !== args.password) {
        client.end(errorResponse('28P01', `password authentication failed for user "${user}"`));
        return;
      }
      const upstream = net.connect(innerPort, host, () => {
        upstream.write(startup);
        if (rest.length) upstream.write(rest);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      return;
    }
  });
}
