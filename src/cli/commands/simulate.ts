/** `unmask simulate`: write a simulated organisation's data folder, with truth.json (docs/simulator.md). */
import type { Command } from 'commander';
import { DEFAULT_SCHEME_RATE } from '../../simulate/org.js';
import { simulate } from '../../simulate/index.js';
import { action } from '../context.js';

export function register(program: Command): void {
  program
    .command('simulate')
    .description('write a realistic simulated organisation (HR, payroll, sign-in, endpoint and network data) with hidden schemes and a truth.json')
    .requiredOption('--out <dir>', 'folder to write (created; existing files are overwritten)')
    .option('--people <n>', 'people on the HR roster', '2000')
    .option('--seed <seed>', 'random seed: the same seed writes the same folder', '1')
    .option('--scheme-rate <r>', `share of the workforce in hidden schemes (0..0.5)`, String(DEFAULT_SCHEME_RATE))
    .option('--gzip', 'compress the CSV and log files (.gz)')
    .action(
      action(async (ctx, opts: { out: string; people: string; seed: string; schemeRate: string; gzip?: boolean }) => {
        const people = Number(opts.people);
        const schemeRate = Number(opts.schemeRate);
        if (!Number.isInteger(people) || people < 10) throw new Error(`--people: expected a whole number of at least 10, got ${opts.people}`);
        if (!Number.isFinite(schemeRate) || schemeRate < 0 || schemeRate > 0.5) throw new Error(`--scheme-rate: expected a number from 0 to 0.5, got ${opts.schemeRate}`);
        const t0 = performance.now();
        const s = await simulate({ people, seed: opts.seed, out: opts.out, schemeRate, gzip: opts.gzip, log: ctx.log });
        const seconds = (performance.now() - t0) / 1000;
        const text = [
          `simulated ${s.people} people, ${s.candidates} candidates and ${s.devices} devices into ${s.dir} in ${seconds.toFixed(1)} s`,
          `  ${s.schemes} hidden schemes (${s.hiddenPeople} people and candidates), ${s.lookalikes} benign look-alike groups: see truth.json`,
          `  sign-in events: okta ${s.signInEvents.okta}, entra ${s.signInEvents.entra}, google ${s.signInEvents.google}; osquery lines ${s.osqueryLines}; zeek connections ${s.zeekConnections}`,
          `  ${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB${opts.gzip ? ' before compression' : ''}`,
        ].join('\n');
        const { truth: _truth, ...summary } = s;
        ctx.print(text, { ...summary, seconds });
      }),
    );
}
