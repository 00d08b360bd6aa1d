import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A throwaway redis-server for one test file: loopback only, nothing written to disk. */
export interface TestRedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Debian's package (`apt-get install redis-server`; .ci/run installs it when missing). */
const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => done(new Error(`redis-server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) done();
    };
    const onExit = (code: number | null) => done(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
    const onError = (error: Error) => done(new Error(`could not run ${REDIS_SERVER} (install Debian's redis-server): ${error.message}`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/**
 * Starts its own redis-server on a free loopback port, without persistence (`--save ''
 * --appendonly no`), so tests need nothing running beforehand. Retries once on a port race.
 */
export async function startRedisServer(): Promise<TestRedisServer> {
  for (let attempt = 0; ; attempt += 1) {
    const port = await freePort();
    const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'notice'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await waitForReady(child, 15_000);
    } catch (error) {
      child.kill('SIGKILL');
      if (attempt < 1) continue;
      throw error;
    }
    child.stdout?.resume();
    child.stderr?.resume();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  }
}
