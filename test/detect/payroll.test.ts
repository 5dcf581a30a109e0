import { describe, expect } from 'vitest';
import { describeEachDialect } from '../helpers/stores.js';
import { detect, firesIt, payAccount, person, silentIt } from './fixtures.js';

const E1 = 'person:E1';
const ACCOUNT = '000123456789';
const WALLET = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const homeA = { street: '1 Elm St', city: 'Springfield', region: 'IL', postal_code: '62701', country: 'US' };
const homeB = { street: '9 Harbor Way', city: 'Tampa', region: 'FL', postal_code: '33602', country: 'US' };

describeEachDialect('payroll rules', (dialect) => {
  describe('payroll.account.shared', () => {
    const id = 'payroll.account.shared';
    firesIt(id, 'two workers in different states paid into one account', async () => {
      const f = await detect(dialect, id, { people: [person('E1', { home: homeA }), person('E2', { home: homeB })], payAccounts: [payAccount('E1', '2025-01-06', { account_number: ACCOUNT }), payAccount('E2', '2025-02-03', { account_number: ACCOUNT })] });
      expect(f.map((x) => x.subject_id).sort()).toEqual(['person:E1', 'person:E2']);
      expect(f[0]!.evidence.account).toBe('••••6789');
      expect(JSON.stringify(f)).not.toContain(ACCOUNT);
    });
    silentIt(id, 'a staffing agency paid for its contractors', async () => {
      const people = [person('E1', { home: homeA, agency: 'Acme Staffing' }), person('E2', { home: homeB, agency: 'Acme Staffing' })];
      expect(await detect(dialect, id, { people, payAccounts: [payAccount('E1', '2025-01-06', { account_number: ACCOUNT }), payAccount('E2', '2025-02-03', { account_number: ACCOUNT })] })).toHaveLength(0);
    });
  });

  describe('payroll.wallet.shared', () => {
    const id = 'payroll.wallet.shared';
    const accounts = () => [payAccount('E1', '2025-01-06', { method: 'crypto', wallet_address: WALLET }), payAccount('E2', '2025-01-20', { method: 'crypto', wallet_address: WALLET })];
    firesIt(id, 'two workers paid into one wallet', async () => {
      const f = await detect(dialect, id, { people: [person('E1', { home: homeA }), person('E2', { home: homeB })], payAccounts: accounts() });
      expect(f).toHaveLength(2);
      expect(JSON.stringify(f)).not.toContain(WALLET);
    });
    silentIt(id, 'a staffing agency\'s payout wallet', async () => {
      expect(await detect(dialect, id, { people: [person('E1', { home: homeA, agency: 'Chain Staff' }), person('E2', { home: homeB, agency: 'Chain Staff' })], payAccounts: accounts() })).toHaveLength(0);
    });
  });

  describe('payroll.destination.frequent_changes', () => {
    const id = 'payroll.destination.frequent_changes';
    firesIt(id, 'three new destinations within four months', async () => {
      const accounts = [payAccount('E1', '2025-03-01'), payAccount('E1', '2025-04-01'), payAccount('E1', '2025-05-15'), payAccount('E1', '2025-06-20')];
      const f = await detect(dialect, id, { people: [person('E1', { hire_date: '2025-01-06' })], payAccounts: accounts });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.changes_in_window).toBe(3);
    });
    silentIt(id, 'one change of bank two years after hire', async () => {
      const accounts = [payAccount('E1', '2023-01-09'), payAccount('E1', '2025-02-01')];
      expect(await detect(dialect, id, { people: [person('E1', { hire_date: '2023-01-09' })], payAccounts: accounts })).toHaveLength(0);
    });
  });

  describe('payroll.destination.money_service', () => {
    const id = 'payroll.destination.money_service';
    firesIt(id, 'pay to Payoneer', async () => {
      const f = await detect(dialect, id, { people: [person('E1')], payAccounts: [payAccount('E1', '2025-01-06', { method: 'payoneer', bank_name: 'Payoneer' })] });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.service).toBe('payoneer');
    });
    silentIt(id, 'direct deposit to a US bank', async () => {
      expect(await detect(dialect, id, { people: [person('E1')], payAccounts: [payAccount('E1', '2025-01-06')] })).toHaveLength(0);
    });
  });

  describe('payroll.destination.crypto', () => {
    const id = 'payroll.destination.crypto';
    firesIt(id, 'pay to a Bitcoin wallet', async () => {
      const f = await detect(dialect, id, { people: [person('E1')], payAccounts: [payAccount('E1', '2025-01-06', { method: 'crypto', wallet_address: WALLET, bank_name: null })] });
      expect(f).toHaveLength(1);
      expect((f[0]!.evidence.destination as { account: string }).account).toBe('••••5mdq');
    });
    silentIt(id, 'direct deposit', async () => {
      expect(await detect(dialect, id, { people: [person('E1')], payAccounts: [payAccount('E1', '2025-01-06')] })).toHaveLength(0);
    });
  });

  describe('payroll.destination.foreign_bank', () => {
    const id = 'payroll.destination.foreign_bank';
    firesIt(id, 'a US worker paid into a bank in China', async () => {
      const f = await detect(dialect, id, { people: [person('E1')], payAccounts: [payAccount('E1', '2025-01-06', { method: 'wire', bank_name: 'Bank of Example Shenyang', bank_country: 'CN' })] });
      expect(f).toHaveLength(1);
      expect(f[0]!.severity).toBe('high');
    });
    silentIt(id, 'an offshore contractor in Portugal paid at a Portuguese bank', async () => {
      const pt = { street: 'Rua Augusta 10', city: 'Lisboa', postal_code: '1100-053', country: 'PT' };
      expect(await detect(dialect, id, { people: [person('E1', { home: pt })], payAccounts: [payAccount('E1', '2025-01-06', { method: 'wire', bank_country: 'PT' })] })).toHaveLength(0);
    });
  });

  describe('payroll.account.holder_mismatch', () => {
    const id = 'payroll.account.holder_mismatch';
    firesIt(id, 'the account belongs to someone else', async () => {
      const f = await detect(dialect, id, { people: [person('E1', { full_name: 'Maria Lopez' })], payAccounts: [payAccount('E1', '2025-01-06', { account_holder: 'Robert Chen' })] });
      expect(f).toHaveLength(1);
      expect(f[0]!.subject_id).toBe(E1);
      expect(f[0]!.evidence.account_holder).toBe('Robert Chen');
    });
    silentIt(id, 'the bank writes the name surname-first with a middle initial', async () => {
      expect(await detect(dialect, id, { people: [person('E1', { full_name: 'Maria Lopez' })], payAccounts: [payAccount('E1', '2025-01-06', { account_holder: 'LOPEZ, MARIA A.' })] })).toHaveLength(0);
    });
    silentIt(id, 'a contractor paid through their staffing agency', async () => {
      const people = [person('E1', { full_name: 'Maria Lopez', agency: 'Acme Staffing LLC' })];
      expect(await detect(dialect, id, { people, payAccounts: [payAccount('E1', '2025-01-06', { account_holder: 'ACME STAFFING LLC' })] })).toHaveLength(0);
    });
  });
});
