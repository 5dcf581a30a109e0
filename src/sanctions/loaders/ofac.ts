/**
 * OFAC's SDN list in its CSV files (https://ofac.treasury.gov/sanctions-list-service): `sdn.csv`
 * (one row per entry), `alt.csv` (aliases), `add.csv` (addresses) and `sdn_comments.csv` (the
 * remarks of entries whose remarks did not fit, continued mid-word). The consolidated non-SDN list
 * uses the same layout as `cons_prim.csv`, `cons_alt.csv`, `cons_add.csv`, `cons_comments.csv`.
 *
 * The files have no header, mark empty fields with `-0-` (often followed by a space) and end with
 * a Ctrl-Z byte in some copies. Columns:
 *   sdn.csv:      ent_num, name, type, programs, title, call_sign, vessel_type, tonnage, grt, vessel_flag, vessel_owner, remarks
 *   alt.csv:      ent_num, alt_num, alt_type, alt_name, alt_remarks
 *   add.csv:      ent_num, add_num, address, city_state_postal, country, add_remarks
 *   comments.csv: ent_num, remarks_continued
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { countryCode } from '../countries.js';
import { listStats, type EntityType, type ListDraft, type ListEntry, type ListSource, type LoadProblem, type NameKind } from '../model.js';
import { parseRemarks } from './ofac-remarks.js';
import { hashFiles } from './files.js';

export type OfacRole = 'main' | 'alt' | 'add' | 'comments';

const FILES: Record<string, { list: ListSource; role: OfacRole }> = {
  'sdn.csv': { list: 'ofac-sdn', role: 'main' },
  'alt.csv': { list: 'ofac-sdn', role: 'alt' },
  'add.csv': { list: 'ofac-sdn', role: 'add' },
  'sdn_comments.csv': { list: 'ofac-sdn', role: 'comments' },
  'cons_prim.csv': { list: 'ofac-cons', role: 'main' },
  'cons_alt.csv': { list: 'ofac-cons', role: 'alt' },
  'cons_add.csv': { list: 'ofac-cons', role: 'add' },
  'cons_comments.csv': { list: 'ofac-cons', role: 'comments' },
};

/** Which OFAC file a path is (by its name, any case), and for which list; null if it is not one. */
export function ofacFileRole(file: string): { list: ListSource; role: OfacRole } | null {
  return FILES[basename(file).toLowerCase()] ?? null;
}

const nil = (v: string | undefined): string | null => {
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' || t === '-0-' ? null : t;
};

interface Row {
  fields: string[];
  line: number;
}

function readRows(file: string, minColumns: number, problems: LoadProblem[]): Row[] {
  // Some copies end with a DOS end-of-file byte (0x1A); it is not data.
  const text = readFileSync(file, 'latin1').replaceAll(String.fromCharCode(0x1a), '');
  const records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as Array<{
    record: string[];
    info: { lines: number };
  }>;
  const rows: Row[] = [];
  for (const { record, info } of records) {
    if (record.length < minColumns || !/^\d+$/.test(record[0]!.trim())) {
      problems.push({ file, line: info.lines, reason: `expected ${minColumns} columns starting with a numeric entry id, got ${record.length}: ${record.slice(0, 3).join(',')}` });
      continue;
    }
    rows.push({ fields: record, line: info.lines });
  }
  return rows;
}

const TYPES: Record<string, EntityType> = { individual: 'person', vessel: 'vessel', aircraft: 'aircraft' };

export interface OfacOptions {
  published?: string | null;
}

/** Load one OFAC list from its files (the main file is required; the others are optional). */
export function loadOfac(files: string[], opts: OfacOptions = {}): ListDraft {
  const byRole = new Map<OfacRole, string>();
  let list: ListSource = 'ofac-sdn';
  for (const f of files) {
    const r = ofacFileRole(f);
    if (!r) throw new Error(`${f}: not an OFAC list file (expected sdn.csv, alt.csv, add.csv or sdn_comments.csv)`);
    byRole.set(r.role, f);
    list = r.list;
  }
  const main = byRole.get('main');
  if (!main) throw new Error(`OFAC files ${files.join(', ')}: the main file (sdn.csv) is missing`);
  const problems: LoadProblem[] = [];
  const entries = new Map<string, ListEntry & { extra: string }>();
  const titles = new Map<string, string>();

  for (const { fields: f, line } of readRows(main, 12, problems)) {
    const id = f[0]!.trim();
    const name = nil(f[1]);
    if (!name) {
      problems.push({ file: main, line, reason: `entry ${id} has no name` });
      continue;
    }
    const type = TYPES[nil(f[2])?.toLowerCase() ?? ''] ?? 'organization';
    const programs = (nil(f[3]) ?? '')
      .split(/\]\s*\[/)
      .map((p) => p.replace(/[[\]]/g, '').trim())
      .filter(Boolean);
    const title = nil(f[4]);
    if (title) titles.set(id, title);
    const entry: ListEntry & { extra: string } = {
      source_uid: id,
      entity_type: type,
      primary_name: name,
      names: [{ name, kind: 'primary' }],
      programs,
      birth_dates: [],
      countries: [],
      identifiers: [],
      addresses: [],
      remarks: nil(f[11]),
      extra: '',
    };
    if (type === 'vessel') {
      const flag = countryCode(nil(f[9]));
      if (flag) entry.countries.push({ code: flag, role: 'registration' });
      const callSign = nil(f[5]);
      if (callSign) entry.identifiers.push({ type: 'call_sign', number: callSign });
    }
    entries.set(id, entry);
  }

  let orphans = 0;
  const orphan = (file: string, line: number, id: string) => {
    orphans++;
    problems.push({ file, line, reason: `refers to entry ${id}, which ${basename(main)} does not have` });
  };

  const comments = byRole.get('comments');
  if (comments) {
    for (const { fields: f, line } of readRows(comments, 2, problems)) {
      const e = entries.get(f[0]!.trim());
      const more = nil(f[1]);
      if (!e) orphan(comments, line, f[0]!.trim());
      // The continuation picks up mid-word where the remarks column was cut.
      else if (more) e.extra += more;
    }
  }

  const alt = byRole.get('alt');
  if (alt) {
    for (const { fields: f, line } of readRows(alt, 4, problems)) {
      const e = entries.get(f[0]!.trim());
      const name = nil(f[3]);
      if (!e) orphan(alt, line, f[0]!.trim());
      else if (name) {
        const t = (nil(f[2]) ?? 'aka').toLowerCase();
        const kind: NameKind = t === 'fka' || t === 'nka' ? t : /weak/i.test(nil(f[4]) ?? '') ? 'weak' : 'aka';
        e.names.push({ name, kind });
      }
    }
  }

  const add = byRole.get('add');
  if (add) {
    for (const { fields: f, line } of readRows(add, 5, problems)) {
      const e = entries.get(f[0]!.trim());
      if (!e) {
        orphan(add, line, f[0]!.trim());
        continue;
      }
      const country = nil(f[4]);
      const code = countryCode(country);
      const parts = [nil(f[2]), nil(f[3]), country].filter((x): x is string => !!x);
      if (parts.length) e.addresses.push({ text: parts.join(', '), city: nil(f[3]), country: code });
      if (code && !e.countries.some((c) => c.code === code && c.role === 'address')) e.countries.push({ code, role: 'address' });
    }
  }

  const out: ListEntry[] = [];
  for (const [id, e] of entries) {
    const { extra, ...entry } = e;
    const remarks = [entry.remarks ?? '', extra].join('') || null;
    const facts = parseRemarks(remarks);
    entry.birth_dates.push(...facts.birth_dates);
    for (const c of facts.countries) if (!entry.countries.some((x) => x.code === c.code && x.role === c.role)) entry.countries.push(c);
    entry.identifiers.push(...facts.identifiers);
    for (const n of facts.names) if (!entry.names.some((x) => x.name === n.name)) entry.names.push(n);
    const title = titles.get(id);
    entry.remarks = title ? `Title: ${title}. ${remarks ?? ''}`.trim() : remarks;
    out.push(entry);
  }

  const used = [...byRole.values()];
  const published = opts.published ?? null;
  return {
    id: list,
    source: list,
    name: list === 'ofac-sdn' ? 'OFAC SDN list' : 'OFAC Consolidated (non-SDN) list',
    format: 'ofac-csv',
    published_at: published ?? new Date(Math.max(...used.map((f) => statSync(f).mtimeMs))).toISOString().slice(0, 10),
    published_from: published ? '--published' : 'file time (the CSV files carry no date)',
    file_hash: hashFiles(used),
    entries: out,
    problems,
    stats: listStats(out, used, problems.length - orphans, orphans),
  };
}
