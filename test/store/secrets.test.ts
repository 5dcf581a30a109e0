import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretKey, normaliseSecret } from '../../src/config/secret.js';
import * as m from '../../src/model/index.js';
import * as repo from '../../src/store/repositories/records.js';
import { DIALECTS, openTestStore, tempDir, type TestStore } from '../helpers/stores.js';

const ACCOUNT = '4417123456789113';
const IBAN = 'GB33BUKB20201555555555';
const WALLET = '0x52908400098527886E0F7030069857D2E4169EE7';

describe('secret key', () => {
  it('is created on first use outside the database, with owner-only permissions, and reused after', () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'conf', 'secret.key');
      const a = SecretKey.load(file);
      const mode = readFileSync(file, 'utf8').trim();
      expect(mode).toMatch(/^[0-9a-f]{64}$/);
      const b = SecretKey.load(file);
      expect(a.hash('account', 'X')).toBe(b.hash('account', 'X'));
      const other = new SecretKey(Buffer.alloc(32, 1));
      expect(other.hash('account', 'X')).not.toBe(a.hash('account', 'X'));
    } finally {
      t.remove();
    }
  });

  it('never shows itself when printed or serialised', () => {
    const k = new SecretKey(Buffer.alloc(32, 9));
    expect(JSON.stringify({ k })).toBe('{"k":"[SecretKey]"}');
    expect(inspect(k)).toBe('[SecretKey]');
  });

  it('matches the same account written differently, and keeps only the last four', () => {
    const k = new SecretKey(Buffer.alloc(32, 3));
    expect(k.seal('iban', 'gb33 bukb 2020 1555 5555 55')).toEqual(k.seal('iban', IBAN));
    expect(k.seal('account', ACCOUNT)?.last4).toBe('9113');
    expect(normaliseSecret('wallet', WALLET)).toBe(WALLET.toLowerCase());
    expect(k.seal('account', '  ')).toBeNull();
  });
});

for (const dialect of DIALECTS) {
  describe(`pay-account numbers are never stored in clear [${dialect}]`, () => {
    let store: TestStore;
    const key = new SecretKey(Buffer.alloc(32, 5));
    beforeAll(async () => {
      store = await openTestStore(dialect);
      const pid = m.personKey('employee', 'E1');
      await repo.savePayAccounts(store, [
        m.payAccount.parse({
          id: 'pa', person_id: pid, effective_date: '2024-01-01', method: 'wire', account: key.seal('account', ACCOUNT),
          iban: key.seal('iban', IBAN), wallet: key.seal('wallet', WALLET), account_holder: 'A. Person',
        }),
      ]);
      await repo.savePayments(store, [
        m.payment.parse({ id: 'p', person_id: pid, paid_at: '2024-02-01', amount: 10, currency: 'USD', account: key.seal('account', ACCOUNT) }),
      ]);
    });
    afterAll(async () => {
      await store.cleanup();
    });

    it('keeps the keyed hash and the last four only', async () => {
      const [pa] = await repo.listPayAccounts(store);
      expect(pa?.account?.last4).toBe('9113');
      expect(pa?.account?.hash).toBe(key.hash('account', ACCOUNT));
      const [pay] = await repo.listPayments(store);
      expect(pay?.account?.hash).toBe(pa?.account?.hash);
    });

    it('has no clear value anywhere in the stored data', async () => {
      const needles = [ACCOUNT, IBAN, WALLET, WALLET.toLowerCase(), ACCOUNT.slice(0, 12)];
      if (dialect === 'sqlite') {
        // Checkpoint the WAL so every page is in the files, then read the raw bytes of each.
        store.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
        const dir = dirname(store.where);
        for (const f of readdirSync(dir)) {
          const bytes = readFileSync(join(dir, f)).toString('latin1');
          for (const n of needles) expect(bytes.includes(n), `${n} found in ${f}`).toBe(false);
        }
        // and the hash really is in there, so the scan above reads the right file
        const bytes = readFileSync(store.where).toString('latin1');
        expect(bytes.includes(key.hash('account', ACCOUNT))).toBe(true);
      } else {
        for (const table of ['pay_accounts', 'payments'] as const) {
          const rows = await sql<{ t: string }>`select t::text as t from ${sql.table(table)} t`.execute(store.db);
          const text = rows.rows.map((r) => r.t).join('\n');
          expect(text).toContain(key.hash('account', ACCOUNT));
          for (const n of needles) expect(text.includes(n)).toBe(false);
        }
      }
    });
  });
}
