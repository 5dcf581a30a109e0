/** Bulk loads on SQLite: secondary indexes are set aside during the load and always come back. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/runner.js';
import { deferIndexes } from '../../src/store/repositories/ingest.js';
import * as records from '../../src/store/repositories/records.js';
import { openTestStore, tempDir, type TestStore } from '../helpers/stores.js';
import { opts } from './helpers.js';

const indexesOf = (store: TestStore, table: string) =>
  (store.sqlite!.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").all(table) as Array<{ name: string }>).map((r) => r.name);

describe('bulk loads (SQLite)', () => {
  let store: TestStore;
  const tmp = tempDir('unmask-bulk-');
  const file = join(tmp.dir, 'events.ndjson');
  beforeAll(async () => {
    store = await openTestStore('sqlite');
    const lines = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ uuid: `b${i}`, published: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(), eventType: 'user.session.start', actor: { alternateId: `u${i % 7}@example.com`, type: 'User' }, client: { ipAddress: `203.0.113.${i % 250}` }, outcome: { result: 'SUCCESS' } }),
    );
    writeFileSync(file, lines.join('\n'));
  });
  afterAll(async () => {
    await store.cleanup();
    tmp.remove();
  });

  it('drops and re-creates the sign-in indexes around a load counted as bulk', async () => {
    const before = indexesOf(store, 'signins');
    expect(before).toEqual(['signins_ip_ix', 'signins_person_id_occurred_at_ix', 'signins_user_name_ix']);
    const r = await ingestFiles(store, 'okta', [file], { ...opts, bulkMinRows: 1 });
    expect(r.files[0]!.accepted).toBe(500);
    expect(r.deferred_indexes.sort()).toEqual(before);
    expect(indexesOf(store, 'signins')).toEqual(before);
    expect(store.sqlite!.prepare('SELECT count(*) AS n FROM ingest_deferred_indexes').get()).toEqual({ n: 0 });
    expect((await records.listSignIns(store)).filter((s) => s.user_name === 'u3@example.com')).toHaveLength(71);
  });

  it('restores indexes left dropped by a run that died', async () => {
    await deferIndexes(store, 'endpoint_rows');
    expect(indexesOf(store, 'endpoint_rows')).toEqual([]);
    // Any later run, even a small one of another source, puts them back first.
    const small = await ingestFiles(store, 'okta', [file], opts);
    expect(small.deferred_indexes).toEqual([]);
    expect(indexesOf(store, 'endpoint_rows')).toEqual(['endpoint_rows_device_serial_table_name_ix', 'endpoint_rows_host_identifier_ix']);
  });
});
