/**
 * `unmask simulate --people 100000`: time, size written and memory, against a baseline measured
 * in the same run: writing the same number of bytes of plain CSV rows through a stream.
 * UNMASK_BENCH_SIM_PEOPLE overrides the size (e.g. 5000 while developing).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../src/simulate/index.js';
import { fmt, peakRssMb, time } from './util.js';

async function writePlainCsv(file: string, bytes: number): Promise<void> {
  const out = createWriteStream(file);
  const row = 'E100001,Jane Example,jane.example@example.com,+12065550100,2025-06-30T12:00:00Z,direct_deposit,021000021,123456789\n';
  let written = 0;
  let chunk = '';
  while (written < bytes) {
    chunk += row;
    written += row.length;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(chunk, () => resolve()).once('error', reject));
}

export async function run(): Promise<void> {
  const people = Number(process.env.UNMASK_BENCH_SIM_PEOPLE ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'unmask-bench-sim-'));
  try {
    const sim = await time(() => simulate({ people, seed: 'bench', out: join(dir, 'org') }));
    const s = sim.result;
    const mb = s.bytes / 1e6;
    console.log(`simulate --people ${fmt(people)}: ${fmt(sim.seconds, 1)} s, ${fmt(mb, 0)} MB in ${fmt(s.files)} files (${fmt(mb / sim.seconds, 1)} MB/s, ${fmt(people / sim.seconds, 0)} people/s)`);
    console.log(`  ${fmt(s.candidates)} candidates, ${fmt(s.devices)} devices, ${fmt(s.signInEvents.okta + s.signInEvents.entra + s.signInEvents.google)} sign-in events, ${fmt(s.osqueryLines)} osquery lines, ${fmt(s.zeekConnections)} Zeek connections`);
    console.log(`  peak memory ${fmt(await peakRssMb(), 0)} MB`);
    rmSync(join(dir, 'org'), { recursive: true, force: true });
    const base = await time(() => writePlainCsv(join(dir, 'plain.csv'), s.bytes));
    console.log(`baseline: ${fmt(mb, 0)} MB of plain CSV rows in ${fmt(base.seconds, 1)} s (${fmt(mb / base.seconds, 1)} MB/s)`);
    console.log(`ratio: simulate takes ${fmt(sim.seconds / base.seconds, 1)}x the time of writing the same bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
