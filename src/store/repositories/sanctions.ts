/**
 * Sanctions lists and their entries. Loading a list replaces the previous copy of the same list
 * (same id) as a whole, in one transaction, so a screen never sees half a list.
 */
import type { Selectable } from 'kysely';
import { contentId } from '../../model/ids.js';
import type { ListDraft, ListEntry, ListStats } from '../../sanctions/model.js';
import { insertIgnore } from '../bulk.js';
import type { Store } from '../db.js';
import type { SanctionsEntriesTable } from '../schema.js';

export interface StoredList {
  id: string;
  source: string;
  name: string;
  format: string | null;
  published_at: string | null;
  published_from: string | null;
  loaded_at: string;
  entry_count: number;
  file_hash: string;
  stats: ListStats | null;
}

export interface StoredEntry extends ListEntry {
  /** Unmask's id for the entry: stable across reloads of the same list. */
  id: string;
  list_id: string;
}

export const entryId = (listId: string, sourceUid: string): string => contentId('sanctions-entry', listId, sourceUid);

export async function saveList(store: Store, list: ListDraft, loadedAt = new Date()): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const tx = { ...store, db: trx };
    await trx.deleteFrom('sanctions_entries').where('list_id', '=', list.id).execute();
    await trx.deleteFrom('sanctions_lists').where('id', '=', list.id).execute();
    await trx
      .insertInto('sanctions_lists')
      .values({
        id: list.id,
        source: list.source,
        name: list.name,
        published_at: list.published_at,
        loaded_at: loadedAt.toISOString(),
        entry_count: list.entries.length,
        file_hash: list.file_hash,
        format: list.format,
        published_from: list.published_from,
        stats: JSON.stringify(list.stats),
      })
      .execute();
    await insertIgnore(
      tx,
      'sanctions_entries',
      list.entries.map((e) => ({
        id: entryId(list.id, e.source_uid),
        list_id: list.id,
        source_uid: e.source_uid,
        entity_type: e.entity_type,
        primary_name: e.primary_name,
        names: JSON.stringify(e.names),
        programs: JSON.stringify(e.programs),
        birth_dates: JSON.stringify(e.birth_dates),
        countries: JSON.stringify(e.countries),
        identifiers: JSON.stringify(e.identifiers),
        addresses: JSON.stringify(e.addresses),
        remarks: e.remarks,
      })),
    );
  });
}

export async function listLists(store: Store): Promise<StoredList[]> {
  const rows = await store.db.selectFrom('sanctions_lists').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    name: r.name,
    format: r.format ?? null,
    published_at: r.published_at,
    published_from: r.published_from ?? null,
    loaded_at: r.loaded_at,
    entry_count: Number(r.entry_count),
    file_hash: r.file_hash,
    stats: r.stats ? (JSON.parse(r.stats) as ListStats) : null,
  }));
}

type EntryRow = Selectable<SanctionsEntriesTable>;

function entryFromRow(r: EntryRow): StoredEntry {
  return {
    id: r.id,
    list_id: r.list_id,
    source_uid: r.source_uid,
    entity_type: r.entity_type as ListEntry['entity_type'],
    primary_name: r.primary_name,
    names: JSON.parse(r.names) as ListEntry['names'],
    programs: JSON.parse(r.programs) as string[],
    birth_dates: JSON.parse(r.birth_dates) as ListEntry['birth_dates'],
    countries: JSON.parse(r.countries) as ListEntry['countries'],
    identifiers: JSON.parse(r.identifiers) as ListEntry['identifiers'],
    addresses: JSON.parse(r.addresses) as ListEntry['addresses'],
    remarks: r.remarks,
  };
}

/** Every entry of the given lists (all lists when none are named), in a stable order. */
export async function listEntries(store: Store, listIds?: string[]): Promise<StoredEntry[]> {
  let q = store.db.selectFrom('sanctions_entries').selectAll();
  if (listIds?.length) q = q.where('list_id', 'in', listIds);
  return (await q.orderBy('list_id').orderBy('id').execute()).map(entryFromRow);
}

export async function getEntry(store: Store, id: string): Promise<StoredEntry | undefined> {
  const r = await store.db.selectFrom('sanctions_entries').selectAll().where('id', '=', id).executeTakeFirst();
  return r && entryFromRow(r);
}

export async function deleteList(store: Store, listId: string): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sanctions_entries').where('list_id', '=', listId).execute();
    const res = await trx.deleteFrom('sanctions_lists').where('id', '=', listId).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  });
}
