/**
 * `simulate()`: build an organisation and write its data folder in the vendors' formats, with
 * truth.json and an unmask.yaml naming the company's own egress ranges. Deterministic: the same
 * seed and options write byte-identical files. Streaming: memory grows with people and devices,
 * never with events.
 */
import { stringify as yamlStringify } from 'yaml';
import { clientOf, sessionsOn, type Session } from './activity.js';
import { allBlocks, corporateRanges } from './catalog/networks.js';
import { COMPANY } from './catalog/names.js';
import { PERIOD, type SimOrg } from './model.js';
import { buildOrg, DEFAULT_SCHEME_RATE } from './org.js';
import { addDays, daysBetween, isoDay } from './time.js';
import { TRUTH_FILE, truthOf, type Truth } from './truth.js';
import { entraDiagnostic, entraSignIns, googleActivities, oktaEvents } from './writers/idp.js';
import { OsqueryWriter } from './writers/osquery.js';
import { OutDir, type Sink } from './writers/out.js';
import { writeCandidates, writeDevices, writePayAccounts, writePayments, writePeople, writeShipments } from './writers/workforce.js';
import { sessionConns, zeekJsonLine, zeekTsvFooter, zeekTsvHeader, zeekTsvLine, type Conn } from './writers/zeek.js';
import type { Logger } from '../util/log.js';

export interface SimulateOptions {
  people: number;
  seed: string | number;
  out: string;
  schemeRate?: number;
  gzip?: boolean;
  log?: Logger;
}

export interface SimulateSummary {
  dir: string;
  people: number;
  candidates: number;
  devices: number;
  schemes: number;
  hiddenPeople: number;
  lookalikes: number;
  signInEvents: { okta: number; entra: number; google: number };
  osqueryLines: number;
  zeekConnections: number;
  files: number;
  bytes: number;
  truth: Truth;
}

/** Zeek covers the last week of the activity window. */
export const ZEEK_START = '2025-06-23';

export async function simulate(opts: SimulateOptions): Promise<SimulateSummary> {
  const seed = String(opts.seed);
  const log = opts.log;
  const org = buildOrg({ people: opts.people, seed, schemeRate: opts.schemeRate ?? DEFAULT_SCHEME_RATE });
  const out = new OutDir(opts.out, Boolean(opts.gzip));
  log?.progress('writing workforce files');
  await writePeople(out, org);
  await writeCandidates(out, org);
  await writePayAccounts(out, org);
  await writePayments(out, org);
  await writeShipments(out, org);
  await writeDevices(out, org);

  log?.progress('writing osquery results');
  const osqEvents = out.open('osquery/osqueryd.results.log');
  const osqBatch = out.open('osquery/windows-fleet.results.log');
  const osquery = new OsqueryWriter(org, osqEvents, osqBatch);
  await osquery.writeAll();
  await out.closeSink('osquery/osqueryd.results.log', osqEvents);
  await out.closeSink('osquery/windows-fleet.results.log', osqBatch);
  const osqueryLines = osquery.lines;

  const counts = await writeActivity(out, org, log);

  const truth = truthOf(org);
  out.writeFile(TRUTH_FILE, `${JSON.stringify(truth, null, 2)}\n`);
  out.writeFile('unmask.yaml', companyConfig());
  log?.done();
  let bytes = 0;
  for (const b of out.written.values()) bytes += b;
  return {
    dir: opts.out,
    people: org.people.length,
    candidates: org.candidates.length,
    devices: truth.devices,
    schemes: org.schemes.length,
    hiddenPeople: truth.schemes.reduce((n, s) => n + s.subjects.length, 0),
    lookalikes: org.lookalikes.length,
    signInEvents: counts.signins,
    osqueryLines,
    zeekConnections: counts.zeek,
    files: out.written.size,
    bytes,
    truth,
  };
}

type Format = 'array' | 'object' | 'ndjson';

/** A day's file of JSON records in one of the shapes a vendor export takes. */
class JsonDayFile {
  private first = true;
  count = 0;
  constructor(
    readonly rel: string,
    readonly sink: Sink,
    readonly format: Format,
    private readonly open: string,
    private readonly close: string,
  ) {}
  async start(): Promise<void> {
    if (this.format !== 'ndjson') await this.sink.write(this.open);
  }
  async add(rec: unknown): Promise<void> {
    this.count++;
    const text = JSON.stringify(rec);
    if (this.format === 'ndjson') return this.sink.write(`${text}\n`);
    await this.sink.write(`${this.first ? '' : ',\n'}${text}`);
    this.first = false;
  }
  async end(out: OutDir): Promise<void> {
    if (this.format !== 'ndjson') await this.sink.write(this.close);
    await out.closeSink(this.rel, this.sink);
  }
}

/**
 * The simulated company's unmask.yaml, as its operators would write it: their own egress, the
 * help desk's approved remote-access tools, and the Astrill exits a threat-intelligence feed
 * lists (Astrill announces no AS of its own, so only such a list can name it).
 */
export function companyConfig(): string {
  const config = {
    enrich: {
      corporate_ranges: corporateRanges(),
      vpn_ranges: [{ provider: 'Astrill VPN', cidrs: Object.values(allBlocks().astrill ?? {}).flat() }],
    },
    detect: {
      approved_remote_access_tools: [
        { tool: 'screenconnect', departments: ['IT'], reason: 'help desk support tool' },
        { tool: 'teamviewer', departments: ['IT'], reason: 'vendor support sessions run by the help desk' },
      ],
    },
  };
  return `# Written by \`unmask simulate\`: the simulated company's own settings (see docs/simulator.md).\n${yamlStringify(config)}`;
}

async function writeActivity(out: OutDir, org: SimOrg, log?: Logger): Promise<{ signins: SimulateSummary['signInEvents']; zeek: number }> {
  const seed = org.seed;
  const window = new Set(daysBetween(PERIOD.activityStart, PERIOD.activityEnd));
  const buckets = new Map<string, Session[]>();
  const signins = { okta: 0, entra: 0, google: 0 };
  let zeek = 0;
  const windowDays = [...window];
  const flush = async (day: string) => {
    const sessions = buckets.get(day) ?? [];
    buckets.delete(day);
    sessions.sort((a, b) => a.at - b.at || (a.person.id < b.person.id ? -1 : 1));
    const i = windowDays.indexOf(day);
    // Okta: the first week as the API's JSON array pages, then NDJSON as a log shipper writes it.
    const okta = i < 7 ? new JsonDayFile(`okta/system-log-${day}.json`, out.open(`okta/system-log-${day}.json`), 'array', '[\n', '\n]\n') : new JsonDayFile(`okta/system-log-${day}.ndjson`, out.open(`okta/system-log-${day}.ndjson`), 'ndjson', '', '');
    // Entra: Graph pages (object with `value`), a plain array, or a diagnostic-setting export.
    const entraKind = i % 3;
    const entraRel = entraKind === 0 ? `entra/signins-${day}.json` : entraKind === 1 ? `entra/signins-array-${day}.json` : `entra/diagnostic-signinlogs-${day}.PT1H.json`;
    const entra = new JsonDayFile(entraRel, out.open(entraRel), entraKind === 0 ? 'object' : entraKind === 1 ? 'array' : 'ndjson', `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns","value":[\n`, '\n]}\n');
    // Google: the Reports API's activities list, or NDJSON.
    const googleRel = i % 2 === 0 ? `google/login-${day}.json` : `google/login-${day}.ndjson`;
    const google = new JsonDayFile(googleRel, out.open(googleRel), i % 2 === 0 ? 'object' : 'ndjson', `{"kind":"admin#reports#activities","items":[\n`, '\n]}\n');
    await okta.start();
    await entra.start();
    await google.start();
    const conns: Record<'vpn-east' | 'vpn-west', Conn[]> = { 'vpn-east': [], 'vpn-west': [] };
    for (const s of sessions) {
      const c = clientOf(seed, s);
      if (s.person.idp === 'okta') for (const e of oktaEvents(s, c, s.firstOfDay)) await okta.add(e);
      else if (s.person.idp === 'entra') for (const e of entraSignIns(s, c, COMPANY.tenantId)) await entra.add(entraKind === 2 ? entraDiagnostic(e, s, COMPANY.tenantId) : e);
      else for (const e of googleActivities(s)) await google.add(e);
      if (day >= ZEEK_START && s.device?.tunnelIp) conns[s.device.gateway].push(...sessionConns(s));
    }
    signins.okta += okta.count;
    signins.entra += entra.count;
    signins.google += google.count;
    await okta.end(out);
    await entra.end(out);
    await google.end(out);
    if (day >= ZEEK_START) {
      const dayStart = Date.parse(`${day}T00:00:00Z`);
      for (const gw of ['vpn-east', 'vpn-west'] as const) {
        const list = conns[gw].sort((a, b) => a.ts - b.ts);
        zeek += list.length;
        const rel = `zeek/conn.${day}-${gw === 'vpn-east' ? 'east' : 'west'}.log`;
        const sink = out.open(rel);
        if (gw === 'vpn-east') {
          await sink.write(zeekTsvHeader(dayStart));
          for (const c of list) await sink.write(zeekTsvLine(c));
          await sink.write(zeekTsvFooter(dayStart + 86_400_000 - 1000));
        } else for (const c of list) await sink.write(zeekJsonLine(c));
        await out.closeSink(rel, sink);
      }
    }
  };

  // Local days reach one day either side of UTC days; after local day L, UTC days before L are complete.
  const localDays = daysBetween(addDays(PERIOD.activityStart, -1), addDays(PERIOD.activityEnd, 1));
  for (const local of localDays) {
    log?.progress(`writing sign-ins and network logs: ${local}`);
    for (const p of org.people) {
      for (const s of sessionsOn(seed, p, local)) {
        const day = isoDay(s.at);
        if (!window.has(day)) continue;
        let b = buckets.get(day);
        if (!b) buckets.set(day, (b = []));
        b.push(s);
      }
    }
    for (const day of [...buckets.keys()].sort()) if (day < local) await flush(day);
  }
  for (const day of [...buckets.keys()].sort()) await flush(day);
  for (const day of windowDays) if (!out.written.has(out.name(`okta/system-log-${day}.json`)) && !out.written.has(out.name(`okta/system-log-${day}.ndjson`))) await flush(day);
  return { signins, zeek };
}

