/**
 * Readers for the range files operators supply, in the formats their publishers use: AWS
 * `ip-ranges.json`, Google Cloud `cloud.json`, Azure Service Tags JSON, Tor's `exit-addresses`
 * (or a plain address list) and plain CIDR lists. Each reader returns the ranges with a label
 * naming the file and the date of its data; bad entries are counted and named, good ones kept.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCidr, type Cidr } from './ipaddr.js';

export type RangeFileFormat = 'aws' | 'gcp' | 'azure' | 'cidr_list' | 'tor';

export interface RangeEntry {
  cidr: Cidr;
  /** Provider and, where the file says, the service or region (`AWS EC2 us-east-1`). */
  provider: string;
}

export interface RangeFile {
  file: string;
  format: RangeFileFormat;
  /** The date of the data: from the file's own timestamp where it has one, else its mtime. */
  date: string;
  entries: RangeEntry[];
  /** `file:line: message` (line 0 for JSON entries, which have no useful line). */
  errors: string[];
}

export class RangeFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'RangeFileError';
  }
}

function mtimeDate(file: string): string {
  return statSync(file).mtime.toISOString().slice(0, 10);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new RangeFileError(`${file}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`, file);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function pushCidr(out: RangeFile, raw: unknown, provider: string, where: string): void {
  const c = typeof raw === 'string' ? parseCidr(raw) : null;
  if (c) out.entries.push({ cidr: c, provider });
  else out.errors.push(`${out.file}: ${where}: not a CIDR range: ${JSON.stringify(raw)}`);
}

/** AWS: { createDate: "2026-11-20-22-13-05", prefixes: [{ip_prefix, region, service}], ipv6_prefixes: [{ipv6_prefix, ...}] } */
function readAws(out: RangeFile, doc: unknown, provider: string): void {
  if (!isObj(doc) || !Array.isArray(doc.prefixes)) throw new RangeFileError(`${out.file}: not an AWS ip-ranges.json file (no "prefixes" array)`, out.file);
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(str(doc.createDate));
  if (m) out.date = m[1] as string;
  const v6 = Array.isArray(doc.ipv6_prefixes) ? doc.ipv6_prefixes : [];
  [...doc.prefixes, ...v6].forEach((p, i) => {
    if (!isObj(p)) return void out.errors.push(`${out.file}: prefixes[${i}]: not an object`);
    const label = [provider, str(p.service), str(p.region)].filter(Boolean).join(' ');
    pushCidr(out, p.ip_prefix ?? p.ipv6_prefix, label, `prefix ${i}`);
  });
}

/** Google Cloud: { creationTime: "2026-11-20T...", prefixes: [{ipv4Prefix | ipv6Prefix, service, scope}] } */
function readGcp(out: RangeFile, doc: unknown, provider: string): void {
  if (!isObj(doc) || !Array.isArray(doc.prefixes)) throw new RangeFileError(`${out.file}: not a Google Cloud cloud.json file (no "prefixes" array)`, out.file);
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(str(doc.creationTime));
  if (m) out.date = m[1] as string;
  doc.prefixes.forEach((p, i) => {
    if (!isObj(p)) return void out.errors.push(`${out.file}: prefixes[${i}]: not an object`);
    const label = [provider, str(p.scope)].filter(Boolean).join(' ');
    pushCidr(out, p.ipv4Prefix ?? p.ipv6Prefix, label, `prefix ${i}`);
  });
}

/** Azure Service Tags: { changeNumber, cloud, values: [{ name, properties: { region, addressPrefixes: [...] } }] } */
function readAzure(out: RangeFile, doc: unknown, provider: string): void {
  if (!isObj(doc) || !Array.isArray(doc.values)) throw new RangeFileError(`${out.file}: not an Azure Service Tags file (no "values" array)`, out.file);
  doc.values.forEach((v, i) => {
    if (!isObj(v) || !isObj(v.properties) || !Array.isArray(v.properties.addressPrefixes)) {
      return void out.errors.push(`${out.file}: values[${i}]: no properties.addressPrefixes`);
    }
    const label = `${provider} ${str(v.name)}`.trim();
    for (const p of v.properties.addressPrefixes) pushCidr(out, p, label, `values[${i}] (${str(v.name)})`);
  });
}

/** One address or CIDR per line; `#` starts a comment; Tor's `ExitAddress a.b.c.d date` lines are read too. */
function readLines(out: RangeFile, text: string, provider: string, tor: boolean): void {
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    let s = line.replace(/#.*$/, '').trim();
    if (!s) return;
    if (tor) {
      // exit-addresses format: only the ExitAddress lines carry addresses.
      if (/^(ExitNode|Published|LastStatus)\b/.test(s)) return;
      const m = /^ExitAddress\s+(\S+)/.exec(s);
      if (m) s = m[1] as string;
    }
    const c = parseCidr(s.split(/[\s,;]+/)[0] as string);
    if (c) out.entries.push({ cidr: c, provider });
    else out.errors.push(`${out.file}:${i + 1}: not an IP address or CIDR range: ${s.slice(0, 80)}`);
  });
}

const DEFAULT_PROVIDER: Record<RangeFileFormat, string> = {
  aws: 'Amazon AWS',
  gcp: 'Google Cloud',
  azure: 'Microsoft Azure',
  cidr_list: 'listed range',
  tor: 'Tor exit',
};

export function readRangeFile(path: string, format: RangeFileFormat, provider?: string): RangeFile {
  const file = resolve(path);
  let date: string;
  try {
    date = mtimeDate(file);
  } catch {
    throw new RangeFileError(`range file not found: ${file}`, file);
  }
  const out: RangeFile = { file, format, date, entries: [], errors: [] };
  const name = provider ?? DEFAULT_PROVIDER[format];
  if (format === 'aws') readAws(out, readJson(file), name);
  else if (format === 'gcp') readGcp(out, readJson(file), name);
  else if (format === 'azure') readAzure(out, readJson(file), name);
  else readLines(out, readFileSync(file, 'utf8'), name, format === 'tor');
  return out;
}
