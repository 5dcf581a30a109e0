/**
 * `unmask lists load PATH...`: find out what each path is and load it. A folder (or a set of files)
 * with OFAC's CSV files is one OFAC list; an XML file whose root is `<CONSOLIDATED_LIST>` is the UN
 * list; `.json`/`.jsonl`/`.ndjson` files are FollowTheMoney entities.
 */
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ListDraft, ListSource } from '../model.js';
import { loadFtm } from './ftm.js';
import { loadOfac, ofacFileRole } from './ofac.js';
import { loadUn, looksLikeUnXml } from './un.js';

export interface LoadOptions {
  /** Publication date to record when the files do not carry one (YYYY-MM-DD). */
  published?: string | null;
}

function head(file: string, bytes = 4096): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const FTM_EXT = new Set(['.json', '.jsonl', '.ndjson']);

/** Sort the given paths into loadable lists; throws naming a path that is none of them. */
export function classifyPaths(paths: string[]): { ofac: Map<ListSource, string[]>; un: string[]; ftm: string[] } {
  const ofac = new Map<ListSource, string[]>();
  const un: string[] = [];
  const ftm: string[] = [];
  const visit = (file: string, explicit: boolean): boolean => {
    const role = ofacFileRole(file);
    if (role) {
      ofac.set(role.list, [...(ofac.get(role.list) ?? []), file]);
      return true;
    }
    const ext = extname(file).toLowerCase();
    if (ext === '.xml' && looksLikeUnXml(head(file))) {
      un.push(file);
      return true;
    }
    if (FTM_EXT.has(ext) || (explicit && /^\s*\{"id"/.test(head(file, 64)))) {
      ftm.push(file);
      return true;
    }
    return false;
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new Error(`${p}: no such file or folder`);
    }
    if (st.isDirectory()) {
      const found = readdirSync(p)
        .map((f) => join(p, f))
        .filter((f) => statSync(f).isFile())
        .filter((f) => visit(f, false));
      if (!found.length) throw new Error(`${p}: holds no sanctions list (expected sdn.csv/alt.csv/add.csv/sdn_comments.csv, a UN consolidated XML, or FtM .json/.jsonl)`);
    } else if (!visit(p, true)) {
      throw new Error(`${p}: not a recognised sanctions list (expected an OFAC CSV file, a UN consolidated XML, or FtM .json/.jsonl)`);
    }
  }
  return { ofac, un, ftm };
}

export async function loadLists(paths: string[], opts: LoadOptions = {}): Promise<ListDraft[]> {
  const { ofac, un, ftm } = classifyPaths(paths);
  const out: ListDraft[] = [];
  for (const files of ofac.values()) out.push(loadOfac(files, opts));
  for (const f of un) out.push(loadUn(f, opts));
  if (ftm.length) out.push(await loadFtm(ftm, opts));
  return out;
}
