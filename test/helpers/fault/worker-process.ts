/**
 * Runs `node bin/courtwatch.js worker ...` as a real child process, keeps its log lines, and lets a
 * test wait for a log message, send it signals and wait for its exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from '../../../src/config.ts';

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** parsed JSON log lines (stderr) so far */
  logs: Array<Record<string, unknown>>;
  /** stdout and non-JSON stderr, for failure messages */
  output(): string;
  /** resolves with the first log line whose msg matches; rejects after timeoutMs or if the process exits */
  waitForLog(msg: string | RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** resolves with the exit code (null when killed by a signal) and the signal */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running, then waits for the exit */
  kill(): Promise<void>;
}

export function spawnWorker(args: string[], env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/courtwatch.js'), 'worker', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let raw = '';
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => (raw = (raw + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => {
    partial += d.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        raw = (raw + line + '\n').slice(-20_000);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));

  return {
    child,
    pid: child.pid!,
    logs,
    output: () => raw,
    async waitForLog(msg, timeoutMs = 90_000) {
      const matches = (l: Record<string, unknown>) => typeof l.msg === 'string' && (typeof msg === 'string' ? l.msg === msg : msg.test(l.msg));
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = logs.find(matches);
        if (found) return found;
        if (done) throw new Error(`worker ${child.pid} exited before logging "${String(msg)}":\n${raw}`);
        await sleep(100);
      }
      throw new Error(`worker ${child.pid} did not log "${String(msg)}" within ${timeoutMs} ms:\n${raw}`);
    },
    exited,
    async kill() {
      if (!done) child.kill('SIGKILL');
      await exited;
    },
  };
}
