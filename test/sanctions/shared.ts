/** Paths of the real sanctions lists in ../shared/data, and an index over both, built once per file. */
import { join, resolve } from 'node:path';
import { loadOfac } from '../../src/sanctions/loaders/ofac.js';
import { loadUn } from '../../src/sanctions/loaders/un.js';
import type { IndexableEntry } from '../../src/sanctions/matcher.js';
import type { ListDraft } from '../../src/sanctions/model.js';

export const SHARED = resolve(process.cwd(), '../shared/data/sanctions');
export const OFAC_DIR = join(SHARED, 'ofac');
export const OFAC_FILES = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((f) => join(OFAC_DIR, f));
export const UN_FILE = join(SHARED, 'un', 'UN_consolidated.xml');

export function sharedLists(): ListDraft[] {
  return [loadOfac(OFAC_FILES), loadUn(UN_FILE)];
}

export function indexable(lists: ListDraft[]): IndexableEntry[] {
  return lists.flatMap((l) => l.entries.map((e) => ({ ...e, id: `${l.id}:${e.source_uid}`, list_id: l.id })));
}
