/** Shared measuring helpers for the benchmarks. */
import { spawn } from 'node:child_process';

export interface Timed<T> {
  result: T;
  seconds: number;
}

export async function time<T>(fn: () => Promise<T> | T): Promise<Timed<T>> {
  const t0 = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - t0) / 1000 };
}

/** Peak resident memory of this process so far, in MB (Linux: VmHWM). */
export async function peakRssMb(): Promise<number> {
  const { readFileSync } = await import('node:fs');
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss / 1024 / 1024;
}

/**
 * Run a command in a child process and report its wall time and peak memory (from GNU time's
 * format when available, else the child's own report is needed). Used where the figure must not
 * include the benchmark's own memory.
 */
export function runChild(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ seconds: number; peakMb: number; stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '__PEAK_KB=%M', cmd, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /__PEAK_KB=(\d+)/.exec(stderr);
      resolve({ seconds: (performance.now() - t0) / 1000, peakMb: m ? Number(m[1]) / 1024 : NaN, stdout, stderr: stderr.replace(/__PEAK_KB=\d+\n?/, ''), code: code ?? 1 });
    });
  });
}

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
