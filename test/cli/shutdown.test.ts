import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'broadsheet.mjs');
/** A backstop for a hung server on a loaded machine, never a timing the test relies on. */
const bound = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitUntil(what: string, isDone: () => Promise<boolean>, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + bound;
  while (!(await isDone())) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before ${what}`);
    if (Date.now() > deadline) throw new Error(`not ${what} within ${bound} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const answers = (port: number) => () =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    (res) => res.ok,
    () => false,
  );

/** Whether a new TCP connection to the port is refused (the listener is closed). */
const refuses = (port: number) => () =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

/**
 * A request the server holds in flight: its headers sent with `Expect: 100-continue`, resolved once
 * the server answers "continue" (it has routed the request); the body is sent by `finish`.
 */
function startSlowRequest(port: number) {
  const body = 'email=reader%40news.example&language=en';
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/subscribe/',
    headers: {
      expect: '100-continue',
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
    },
  });
  const response = new Promise<{ res: IncomingMessage; text: string }>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('end', () => resolve({ res, text }));
      res.once('error', reject);
    });
    req.once('error', reject);
  });
  const routed = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  req.flushHeaders();
  return { routed, response, finish: () => req.end(body) };
}

describe('broadsheet start on SIGTERM', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'broadsheet-shutdown-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  before(() => {
    const init = spawnSync(process.execPath, [bin, 'init', '--empty'], {
      env: { ...process.env, BROADSHEET_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: bound,
    });
    assert.equal(init.status, 0, init.stderr);
  });

  async function startServer(drainSeconds: number) {
    const port = await freePort();
    const env = {
      ...process.env,
      BROADSHEET_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      BROADSHEET_DRAIN_SECONDS: String(drainSeconds),
    };
    const child = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await waitUntil('answering /healthz', answers(port), child);
    return { port, child, output: () => output };
  }

  test(
    'stops accepting, lets the request in flight finish, and exits 0',
    { timeout: 3 * bound },
    async () => {
      const { port, child, output } = await startServer(60);
      try {
        const slow = startSlowRequest(port);
        await slow.routed;
        child.kill('SIGTERM');
        await waitUntil('refusing new connections', refuses(port), child);
        assert.equal(child.exitCode, null, 'still running while a request is in flight');
        slow.finish();
        const { res, text } = await slow.response;
        assert.notEqual(res.statusCode, 503, 'the request routed before the signal is served');
        assert.ok(res.statusCode! < 500, `answered ${res.statusCode}: ${text.slice(0, 200)}`);
        assert.ok(text.length > 0, 'the whole answer arrived');
        assert.equal(await exitOf(child), 0, output());
        assert.match(output(), /SIGTERM: shutting down/);
        assert.match(output(), /Stopped\./);
      } finally {
        child.kill('SIGKILL');
      }
    },
  );

  test(
    'a request that outlasts BROADSHEET_DRAIN_SECONDS is cut and the process still exits 0',
    { timeout: 3 * bound },
    async () => {
      const { port, child, output } = await startServer(1);
      try {
        const slow = startSlowRequest(port);
        const cut = slow.response.then(
          () => 'answered',
          () => 'cut',
        );
        await slow.routed;
        child.kill('SIGTERM');
        assert.equal(await exitOf(child), 0, output());
        assert.equal(await cut, 'cut');
        assert.match(output(), /still running after 1000 ms/);
      } finally {
        child.kill('SIGKILL');
      }
    },
  );
});
