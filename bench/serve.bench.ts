/**
 * `npm run bench -- serve`: the API under load. A database of 100,000 people (synthetic, written
 * through the repositories: scores, findings, sign-ins, devices with inventory, identifiers,
 * clusters) is served on loopback; a load generator in a child process (node's http module with
 * keep-alive sockets, so neither its event loop nor fetch's overhead is charged to the server)
 * sends a bounded number of requests from 20 concurrent clients
 * and prints p50/p95 latency of the people list and the person page. Baseline: /api/health in
 * the same run, with the same clients. Target: p95 under 100 ms for both pages.
 * UNMASK_BENCH_PEOPLE scales the database (default 100000).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config/config.js';
import { SecretKey } from '../src/config/secret.js';
import type * as m from '../src/model/index.js';
import { startServer } from '../src/serve/server.js';
import { createUser } from '../src/serve/services/accounts.js';
import { openStore, type Store } from '../src/store/db.js';
import * as repo from '../src/store/repositories/records.js';
import { silentLogger } from '../src/util/log.js';
import { tempDir } from '../test/helpers/stores.js';
import { fmt, time } from './util.js';

const PEOPLE = Number(process.env.UNMASK_BENCH_PEOPLE ?? 100_000);
const CLIENTS = 20;
const REQUESTS = 2000;
const DEPARTMENTS = ['Engineering', 'Finance', 'Sales', 'Support', 'Marketing', 'Operations', 'Legal', 'People', 'Data', 'Security'];
const RULES = ['endpoint.rmm.multiple_vendors', 'identity.signin.impossible_travel', 'hr.contact.voip_phone', 'payroll.destination.shared', 'endpoint.usb.ip_kvm', 'network.vpn.commercial'];
const LEVELS: Array<[number, m.RiskLevel]> = [
  [80, 'critical'],
  [60, 'high'],
  [30, 'medium'],
  [0, 'low'],
];

/** A small deterministic generator, so every run builds the same database. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seed(store: Store, n: number): Promise<string[]> {
  const rand = rng(42);
  const key = new SecretKey(Buffer.alloc(32, 9));
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const ids: string[] = [];
  const now = '2026-11-01T00:00:00.000Z';
  for (let start = 0; start < n; start += 10_000) {
    const people: m.Person[] = [];
    const scores: m.RiskScore[] = [];
    const identifiers: m.Identifier[] = [];
    const devices: m.Device[] = [];
    const signins: m.SignIn[] = [];
    const rows: m.EndpointRow[] = [];
    const pays: m.PayAccount[] = [];
    for (let i = start; i < Math.min(n, start + 10_000); i++) {
      const sid = `E${100000 + i}`;
      const id = `person:${sid}`;
      ids.push(id);
      const first = pick(['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Avery', 'Quinn']);
      const last = pick(['Smith', 'Jones', 'Brown', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Moore', 'Clark', 'Lewis']);
      const email = `${first}.${last}${i}@corp.example`.toLowerCase();
      people.push({
        id,
        source_id: sid,
        kind: rand() < 0.2 ? 'contractor' : 'employee',
        full_name: `${first} ${last}`,
        work_email: email,
        phone: `+1555${String(1000000 + i).slice(-7)}`,
        home: { street: `${i} Main St`, city: 'Springfield', region: 'IL', postal_code: '62701', country: 'US' },
        department: pick(DEPARTMENTS),
        title: 'Engineer',
        profile_urls: [],
        interview_flags: [],
        extra: {},
      });
      const score = Math.round(rand() ** 3 * 100);
      scores.push({ subject_type: 'person', subject_id: id, score, level: LEVELS.find(([t]) => score >= t)![1], explanation: [{ label: 'synthetic', points: score, source: 'bench' }] });
      identifiers.push({ person_id: id, type: 'email', value: email, source: 'people' }, { person_id: id, type: 'phone', value: `+1555${String(1000000 + i).slice(-7)}`, source: 'people' });
      // Every tenth person has a laptop with inventory, sign-ins and a pay account: the heavier pages.
      if (i % 10 === 0) {
        const serial = `SN${i}`;
        devices.push({ serial, hostname: `host-${i}`, person_id: id, platform: 'windows' });
        for (let k = 0; k < 30; k++) {
          signins.push({ id: `s${i}-${k}`, source: 'okta', occurred_at: new Date(Date.parse(now) - k * 3_600_000 * 7).toISOString(), user_name: email, person_id: id, ip: `198.51.${i % 250}.${k}`, outcome: k % 9 ? 'success' : 'failure', vendor_country: k % 5 ? 'US' : 'KR', vendor_lat: 37, vendor_lon: -122 });
        }
        for (const [t, cols] of [
          ['processes', { name: 'AnyDesk.exe', path: 'C:/Program Files/AnyDesk/AnyDesk.exe' }],
          ['programs', { name: 'TeamViewer', publisher: 'TeamViewer' }],
          ['usb_devices', { vendor_id: '2b7c', model_id: '0001', vendor: 'KVM', model: 'IP-KVM' }],
        ] as const) {
          rows.push({ id: `e${i}-${t}`, host_identifier: `host-${i}`, device_serial: serial, query_name: `unmask_${t}`, table_name: t, action: 'snapshot', observed_at: now, columns: { ...cols } });
        }
        pays.push({ id: `p${i}`, person_id: id, effective_date: '2026-01-01', method: 'direct_deposit', bank_name: 'Bank', account: key.seal('account', `00012345${i}`)!, account_holder: `${first} ${last}` });
      }
    }
    await repo.savePeople(store, people);
    await repo.saveRiskScores(store, scores);
    await repo.saveIdentifiers(store, identifiers);
    await repo.saveDevices(store, devices);
    await repo.saveSignIns(store, signins);
    await repo.saveEndpointRows(store, rows);
    await repo.savePayAccounts(store, pays);
  }
  const findings: m.Finding[] = [];
  for (let i = 0; i < n; i += 7) {
    const rule = RULES[i % RULES.length]!;
    findings.push({ id: `f${i}`, rule_id: rule, severity: 'high', subject_type: 'person', subject_id: ids[i]!, summary: `${rule} on ${ids[i]}`, evidence: { detail: 'synthetic', count: i % 13 }, fact_keys: [], created_at: now });
  }
  await repo.replaceFindings(store, RULES, findings);
  const clusters: m.Cluster[] = [];
  for (let i = 0; i + 3 < n && clusters.length < 2000; i += 50) {
    clusters.push({ id: `K${i}`, person_ids: [ids[i]!, ids[i + 1]!, ids[i + 2]!], risk_score: 50, risk_level: 'high', reasons: ['same address'], hubs: [], explanation: [] });
  }
  await repo.replaceClusters(store, clusters);
  return ids;
}

// The load generator: plain JavaScript in a child process (its own CPU time, not the server's
// event loop), using node's http module with a keep-alive agent of CLIENTS sockets on loopback.
// It reads its job as JSON on stdin and writes the latencies as JSON on stdout.
const LOADER = `
const http = require('node:http');
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const { base, cookie, urls, clients, total } = JSON.parse(input);
  const { hostname, port } = new URL(base);
  if (hostname !== '127.0.0.1' && hostname !== 'localhost') throw new Error('loopback only');
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const get = (path) => new Promise((resolve, reject) => {
    const req = http.get({ host: hostname, port, path, agent, headers: { cookie } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  const lat = [];
  let next = 0;
  let errors = 0;
  async function client() {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const t0 = performance.now();
      const status = await get(urls[i % urls.length]);
      if (status !== 200) errors++;
      lat.push(performance.now() - t0);
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  agent.destroy();
  process.stdout.write(JSON.stringify({ lat, errors, seconds: (performance.now() - t0) / 1000 }));
});
`;

function load(base: string, cookie: string, urls: string[], total = REQUESTS): Promise<{ lat: number[]; errors: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    // No execArgv: the loader must not inherit --cpu-prof or tsx from the benchmark's process.
    const child = spawn(process.execPath, ['-e', LOADER], { stdio: ['pipe', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out) as { lat: number[]; errors: number; seconds: number });
    });
    child.stdin.end(JSON.stringify({ base, cookie, urls, clients: CLIENTS, total }));
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function run(): Promise<void> {
  const tmp = tempDir('unmask-bench-serve-');
  const store = await openStore(join(tmp.dir, 'bench.db'));
  try {
    const seeded = await time(() => seed(store, PEOPLE));
    console.log(`database: ${fmt(PEOPLE)} people seeded in ${fmt(seeded.seconds, 1)} s (${store.dialect})`);
    const ids = seeded.result;
    await createUser(store, { username: 'bench', password: 'bench password 1', role: 'analyst' });
    const server = await startServer({ store, config: parseConfig({}), port: 0, host: '127.0.0.1', log: silentLogger, webRoot: join(tmp.dir, 'no-web') });
    try {
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench password 1' }) });
      const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
      if (login.status !== 200 || !cookie) throw new Error(`bench login failed: ${login.status}`);

      const first = await time(() => fetch(`${server.url}/api/people?limit=50`, { headers: { cookie } }).then((r) => r.arrayBuffer()));
      console.log(`first people list (builds the in-memory index): ${fmt(first.seconds * 1000, 0)} ms`);

      const lists = [
        '/api/people?limit=50',
        '/api/people?limit=50&offset=500',
        '/api/people?limit=50&level=critical,high',
        `/api/people?limit=50&department=${DEPARTMENTS[2]}`,
        `/api/people?limit=50&rule=${RULES[1]}`,
        '/api/people?limit=50&q=garcia',
        '/api/people?limit=50&sort=name&order=asc',
        '/api/people?limit=50&kind=contractor&sort=department',
      ];
      const rand = rng(7);
      const persons = Array.from({ length: 400 }, (_, i) => `/api/people/${encodeURIComponent(ids[i % 2 ? Math.floor(rand() * ids.length) : Math.floor(rand() * (ids.length / 10)) * 10]!)}`);
      await load(server.url, cookie, [...lists, ...persons], 200); // warm-up

      // UNMASK_BENCH_PROFILE=file.cpuprofile: a CPU profile of the server during the measured runs only.
      const profileTo = process.env.UNMASK_BENCH_PROFILE;
      const inspector = profileTo ? new Session() : null;
      if (inspector) {
        inspector.connect();
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.start');
      }
      const results: Array<[string, { lat: number[]; errors: number; seconds: number }]> = [];
      for (const [name, urls] of [
        ['health (baseline)', ['/api/health']],
        ['people list', lists],
        ['person page', persons],
      ] as const) {
        results.push([name, await load(server.url, cookie, [...urls])]);
      }
      if (inspector && profileTo) {
        const { profile } = await inspector.post('Profiler.stop');
        writeFileSync(profileTo, JSON.stringify(profile));
        inspector.disconnect();
        console.log(`CPU profile of the server written to ${profileTo}`);
      }
      const base = [...results[0]![1].lat].sort((a, b) => a - b);
      console.log(`${CLIENTS} concurrent clients, ${fmt(REQUESTS)} requests each, loopback HTTP/1.1 keep-alive (load average ${loadavg().map((l) => fmt(l, 2)).join(' ')}):`);
      for (const [name, r] of results) {
        const s = [...r.lat].sort((a, b) => a - b);
        const p50 = pct(s, 50);
        const p95 = pct(s, 95);
        const target = name.startsWith('health') ? '' : p95 < 100 ? '  [p95 target < 100 ms: met]' : '  [p95 target < 100 ms: MISSED]';
        console.log(
          `  ${name.padEnd(18)} p50 ${fmt(p50, 1).padStart(6)} ms  p95 ${fmt(p95, 1).padStart(6)} ms  ${fmt(r.lat.length / r.seconds).padStart(6)} req/s  errors ${r.errors}  p95 x${fmt(p95 / pct(base, 95), 1)} of health${target}`,
        );
      }
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    tmp.remove();
  }
}
