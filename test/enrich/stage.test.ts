import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { addressInputKey, type AddressInfo } from '../../src/enrich/address.js';
import type { EmailInfo } from '../../src/enrich/email.js';
import type { IpInfo } from '../../src/enrich/ip.js';
import type { PhoneInfo } from '../../src/enrich/phone.js';
import { enrichStore, loadEnrichments } from '../../src/enrich/stage.js';
import * as m from '../../src/model/index.js';
import { countEnrichments } from '../../src/store/repositories/enrichments.js';
import * as repo from '../../src/store/repositories/records.js';
import { silentLogger } from '../../src/util/log.js';
import { describeEachDialect, openTestStore, type TestStore } from '../helpers/stores.js';

// 2,000 sign-ins from 40 distinct public addresses (plus one private), as a laptop farm's log looks.
const DISTINCT_IPS = Array.from({ length: 40 }, (_, i) => `73.22.${i}.${(i * 7) % 250 + 1}`);
const SIGNINS = 2000;

const dana = m.person.parse({
  id: m.personKey('employee', 'E1'),
  source_id: 'E1',
  kind: 'employee',
  full_name: 'Dana Whitfield',
  work_email: 'Dana.Whitfield@acme-widgets.com',
  personal_email: 'J.Smith+jobs@Gmail.com',
  phone: '+44 5612 345678',
  home: { street: '12 N. Main St., Apt 4', city: 'Springfield', region: 'IL', postal_code: '62701', country: 'US' },
});
const lee = m.person.parse({
  id: m.personKey('contractor', 'K2'),
  source_id: 'K2',
  kind: 'contractor',
  full_name: 'Lee Park',
  personal_email: 'jsmith@gmail.com',
  phone: '(415) 555-2671',
  home: { street: '12 North Main Street #4', city: 'Springfield', region: 'Illinois', postal_code: '62701', country: 'US' },
});

describeEachDialect('enrichStore', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
    await repo.savePeople(store, [dana, lee]);
    const signins = Array.from({ length: SIGNINS }, (_, i) =>
      m.signIn.parse({
        id: `s${i}`,
        source: 'okta',
        occurred_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        user_name: i % 2 ? 'dana' : 'lee',
        person_id: i % 2 ? dana.id : lee.id,
        ip: i === 0 ? '192.168.1.20' : DISTINCT_IPS[i % DISTINCT_IPS.length],
        outcome: 'success',
      }),
    );
    await repo.saveSignIns(store, signins);
    await repo.saveNetConnections(store, [
      m.netConnection.parse({ id: 'c1', occurred_at: '2026-01-01T00:00:00Z', orig_h: '10.0.0.5', resp_h: '8.8.8.8' }),
      m.netConnection.parse({ id: 'c2', occurred_at: '2026-01-01T00:01:00Z', orig_h: '10.0.0.5', resp_h: DISTINCT_IPS[0] as string }),
    ]);
    await repo.saveEndpointRows(store, [
      m.endpointRow.parse({ id: 'e1', host_identifier: 'h1', query_name: 'unmask_egress_ip', table_name: 'egress_ip', action: 'snapshot', observed_at: '2026-01-01T00:00:00Z', columns: { address: '185.65.134.1' } }),
      m.endpointRow.parse({ id: 'e2', host_identifier: 'h2', query_name: 'unmask_egress_ip', table_name: 'egress_ip', action: 'snapshot', observed_at: '2026-01-02T00:00:00Z', columns: { address: '185.65.134.1' } }),
    ]);
    await repo.saveShipments(store, [
      m.shipment.parse({ id: 'sh1', person_id: dana.id, address: { street: '1000 Commerce Dr, The UPS Store #4411, PMB 221', city: 'Dover', region: 'DE', postal_code: '19901', country: 'US' } }),
    ]);
  });
  afterAll(async () => store.cleanup());

  it('enriches each distinct value once and stores it under its raw value', async () => {
    const config = parseConfig({ enrich: { corporate_ranges: ['10.0.0.0/8'] } });
    const stats = await enrichStore(store, config, silentLogger);
    // 40 sign-in addresses + 1 private + 10.0.0.5 + 8.8.8.8 + the egress address.
    const expectedIps = DISTINCT_IPS.length + 4;
    expect(stats.ip.distinct).toBe(expectedIps);
    expect(stats.ip.computed).toBe(expectedIps);
    expect(stats.ip_lookups).toBe(expectedIps); // 2,000 sign-ins, 44 look-ups
    expect(await countEnrichments(store, 'ip')).toBe(expectedIps);

    const ips = await loadEnrichments<IpInfo>(store, 'ip');
    expect(ips.get('8.8.8.8')).toMatchObject({ asn: 15169, class: 'hosting' });
    expect(ips.get('10.0.0.5')?.class).toBe('corporate');
    expect(ips.get('192.168.1.20')?.class).toBe('unknown');
    expect(ips.get('185.65.134.1')).toMatchObject({ class: 'vpn', provider: 'Mullvad VPN' });
    expect(ips.get('8.8.8.8')?.sources.some((s) => s.includes('DB-IP'))).toBe(true);

    const phones = await loadEnrichments<PhoneInfo>(store, 'phone');
    expect(phones.get('+44 5612 345678')?.voip).toBe(true);
    // Written without +1: read with the person's home country.
    expect(phones.get('(415) 555-2671')?.e164).toBe('+14155552671');

    const emails = await loadEnrichments<EmailInfo>(store, 'email');
    expect(emails.size).toBe(3);
    expect(emails.get('J.Smith+jobs@Gmail.com')?.normalized).toBe(emails.get('jsmith@gmail.com')?.normalized);
    expect(emails.get('Dana.Whitfield@acme-widgets.com')?.domain_class).toBe('corporate');

    const addresses = await loadEnrichments<AddressInfo>(store, 'address');
    expect(addresses.size).toBe(3);
    const home1 = addresses.get(addressInputKey(dana.home!));
    const home2 = addresses.get(addressInputKey(lee.home!));
    expect(home1?.key).toBeTruthy();
    expect(home1?.key).toBe(home2?.key);
    const ship = [...addresses.values()].find((a) => a.cmra);
    expect(ship?.mail_service).toBe('The UPS Store');
  });

  it('computes nothing again when the data and configuration are unchanged', async () => {
    const config = parseConfig({ enrich: { corporate_ranges: ['10.0.0.0/8'] } });
    const stats = await enrichStore(store, config, silentLogger);
    expect(stats.ip.computed).toBe(0);
    expect(stats.ip.reused).toBe(stats.ip.distinct);
    expect(stats.ip_lookups).toBe(0);
    expect(stats.email.computed).toBe(0);
    expect(stats.address.computed).toBe(0);
  });

  it('recomputes IPs when the configuration changes what they mean', async () => {
    const config = parseConfig({ enrich: { corporate_ranges: ['10.0.0.0/8', '73.22.0.0/16'] } });
    const stats = await enrichStore(store, config, silentLogger);
    expect(stats.ip.computed).toBe(stats.ip.distinct);
    expect(stats.phone.computed).toBe(0);
    const ips = await loadEnrichments<IpInfo>(store, 'ip');
    expect(ips.get(DISTINCT_IPS[3] as string)?.class).toBe('corporate');
  });
});
