/**
 * Ingest throughput: N generated Okta System Log events (NDJSON, default 1,000,000; set
 * BENCH_OKTA_EVENTS), ingested by the built CLI in a child process (`unmask ingest --source okta`)
 * into a fresh SQLite database that already holds 20,000 people, against a bare
 * read-lines-and-JSON.parse loop over the same file in the same run.
 * Targets: ratio (ingest events/s ÷ bare loop events/s) ≥ 0.5; peak memory of the ingest < 400 MB.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fmt, runChild, time } from './util.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PEOPLE = 20_000;
const KEY = 'ab'.repeat(32);

const CITIES = [
  ['Austin', 'Texas', 'United States', 30.2672, -97.7431, 7922, 'comcast'],
  ['Chicago', 'Illinois', 'United States', 41.8781, -87.6298, 7018, 'at&t services'],
  ['Shenyang', 'Liaoning', 'China', 41.8057, 123.4315, 4837, 'china unicom'],
  ['Vladivostok', 'Primorsky Krai', 'Russia', 43.1155, 131.8855, 12389, 'rostelecom'],
  ['Ashburn', 'Virginia', 'United States', 39.0438, -77.4874, 14618, 'amazon.com inc.'],
  ['Lagos', 'Lagos', 'Nigeria', 6.5244, 3.3792, 37148, 'globacom'],
] as const;
const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Okta Verify/9.9.0 (iPhone; iOS 17.4.1)',
];
const TYPES = ['user.session.start', 'user.session.start', 'user.authentication.sso', 'user.authentication.auth_via_mfa', 'policy.evaluate_sign_on', 'user.session.end', 'app.user_management'];

const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');

function oktaEvent(i: number): string {
  const user = (i * 7919) % PEOPLE;
  const c = CITIES[(i + user) % CITIES.length]!;
  const type = TYPES[i % TYPES.length]!;
  const ip = `${(user % 200) + 20}.${(i >> 8) & 255}.${(i >> 3) & 255}.${(i % 250) + 1}`;
  const published = new Date(Date.UTC(2024, 0, 1) + i * 2500).toISOString();
  const event = {
    actor: { id: `00u${hex(user, 17)}`, type: 'User', alternateId: `user${user}@example.com`, displayName: `User ${user}`, detailEntry: null },
    client: {
      userAgent: { rawUserAgent: AGENTS[i % AGENTS.length], os: 'Mac OS X', browser: 'CHROME' },
      zone: 'null',
      device: 'Computer',
      id: null,
      ipAddress: ip,
      geographicalContext: { city: c[0], state: c[1], country: c[2], postalCode: '00000', geolocation: { lat: c[3], lon: c[4] } },
    },
    authenticationContext: { authenticationProvider: null, credentialProvider: null, credentialType: null, issuer: null, interface: null, authenticationStep: 0, externalSessionId: `102${hex(i >> 2, 22)}` },
    displayMessage: 'User login to Okta',
    eventType: type,
    outcome: { result: i % 13 === 0 ? 'FAILURE' : 'SUCCESS', reason: i % 13 === 0 ? 'INVALID_CREDENTIALS' : null },
    published,
    securityContext: { asNumber: c[5], asOrg: c[6], isp: c[6], domain: 'example.net', isProxy: i % 97 === 0 },
    severity: 'INFO',
    debugContext: { debugData: { requestId: `X${hex(i, 26)}`, requestUri: '/api/v1/authn', threatSuspected: 'false', url: '/api/v1/authn?', deviceFingerprint: hex(user * 31 + 7, 32) } },
    legacyEventType: 'core.user_auth.login_success',
    transaction: { type: 'WEB', id: `X${hex(i, 26)}`, detail: {} },
    uuid: `${hex(i, 8)}-${hex(i % 65536, 4)}-11ee-9c3f-${hex(user, 12)}`,
    version: '0',
    request: { ipChain: [{ ip, geographicalContext: { city: c[0], state: c[1], country: c[2], postalCode: '00000', geolocation: { lat: c[3], lon: c[4] } }, version: 'V4', source: null }] },
    target: null,
  };
  return JSON.stringify(event);
}

export async function writeEvents(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  let buf: string[] = [];
  for (let i = 0; i < n; i++) {
    buf.push(oktaEvent(i));
    if (buf.length === 5000) {
      if (!out.write(`${buf.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = [];
    }
  }
  if (buf.length) out.write(`${buf.join('\n')}\n`);
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}

/** The baseline: what reading the file costs before Unmask does anything with it. */
async function bareLoop(file: string): Promise<number> {
  let n = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line) {
      JSON.parse(line);
      n++;
    }
  }
  return n;
}

/** How to start the CLI: the build when it runs (rebuilt first), else the TypeScript sources through tsx. */
function cliCommand(): string[] {
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch {
    // Type errors elsewhere still emit JavaScript; whether the CLI runs is checked next.
  }
  const built = [join(root, 'bin/unmask.js')];
  try {
    execFileSync('node', [...built, '--version'], { cwd: root, stdio: 'pipe' });
    return built;
  } catch {
    console.log('(the built CLI does not start; running the TypeScript sources through tsx, which adds its own start-up time and memory)');
    return ['--import', 'tsx', '-e', `import(${JSON.stringify(join(root, 'src/cli/main.ts'))}).then((m) => m.main(process.argv))`, 'unmask'];
  }
}

export async function run(): Promise<void> {
  const n = Number(process.env.BENCH_OKTA_EVENTS ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'unmask-bench-ingest-'));
  try {
    const events = join(dir, 'okta-events.ndjson');
    const people = join(dir, 'people.csv');
    const db = join(dir, 'unmask.db');
    writeFileSync(people, ['person_id,full_name,work_email', ...Array.from({ length: PEOPLE }, (_, u) => `E${u},User ${u},user${u}@example.com`)].join('\n'));
    const gen = await time(() => writeEvents(events, n));
    const size = statSync(events).size;
    console.log(`generated ${fmt(n)} Okta events, ${fmt(size / 1e6)} MB, in ${gen.seconds.toFixed(1)} s; ${fmt(PEOPLE)} people`);

    const cli = cliCommand();
    const env = { UNMASK_SECRET_KEY: KEY, UNMASK_CONFIG: '' };
    const pre = await runChild('node', [...cli, '--db', db, '-q', 'ingest', '--source', 'people', people], env);
    if (pre.code !== 0) throw new Error(`people ingest failed: ${pre.stderr}`);

    // The bare loop first also warms the page cache for the ingest.
    const bare = await time(() => bareLoop(events));
    const ingest = await runChild('node', [...cli, '--db', db, '--json', 'ingest', '--source', 'okta', events], env);
    if (ingest.code !== 0) throw new Error(`ingest failed (${ingest.code}): ${ingest.stderr.slice(0, 2000)}`);
    const report = JSON.parse(ingest.stdout) as { totals: { records_read: number; accepted: number; skipped: number; unmatched_people: number } };
    if (report.totals.records_read !== n) throw new Error(`ingest read ${report.totals.records_read} of ${n} events`);

    const bareRate = bare.result / bare.seconds;
    const ingestRate = n / ingest.seconds;
    const ratio = ingestRate / bareRate;
    console.log(`bare read-lines + JSON.parse: ${fmt(bareRate)} events/s (${bare.seconds.toFixed(1)} s)`);
    console.log(`unmask ingest --source okta:   ${fmt(ingestRate)} events/s (${ingest.seconds.toFixed(1)} s, incl. process start); ${fmt(report.totals.accepted)} sign-ins, ${fmt(report.totals.skipped)} skipped, ${fmt(report.totals.unmatched_people)} not matched to a person`);
    console.log(`ratio ingest/bare: ${ratio.toFixed(2)} (target >= 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`);
    console.log(`peak memory of the ingest: ${fmt(ingest.peakMb)} MB (target < 400 MB) ${ingest.peakMb < 400 ? 'OK' : 'ABOVE TARGET'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
