import { describe, expect } from 'vitest';
import { describeEachDialect } from '../helpers/stores.js';
import { ASTRILL_CONFIG, IP, detect, firesIt, person, series, signIns, silentIt } from './fixtures.js';

const E1 = 'person:E1';
const E2 = 'person:E2';
const E3 = 'person:E3';

/** Days of sign-ins: `perDay` sign-ins a day from `start`, one hour apart from 15:00 UTC. */
function daily(personId: string, ip: string, start: string, days: number, perDay = 2) {
  const out = [];
  for (let d = 0; d < days; d++) out.push(...signIns(personId, ip, series(new Date(Date.parse(start) + d * 86_400_000).toISOString(), perDay, 1)));
  return out;
}

describeEachDialect('identity rules', (dialect) => {
  describe('identity.signin.vpn_or_hosting', () => {
    const id = 'identity.signin.vpn_or_hosting';
    const data = () => ({ people: [person('E1')], signIns: [...daily(E1, IP.mullvad, '2025-03-01T15:00:00Z', 10), ...daily(E1, IP.usFairfield, '2025-03-11T15:00:00Z', 10)] });
    firesIt(id, 'half of the sign-ins come through Mullvad VPN', async () => {
      const f = await detect(dialect, id, data());
      expect(f).toHaveLength(1);
      expect(f[0]!.subject_id).toBe(E1);
      expect(f[0]!.evidence.anonymizing_signins).toBe(20);
      expect((f[0]!.evidence.addresses as Array<{ provider: string }>)[0]!.provider).toBe('Mullvad VPN');
      expect(f[0]!.fact_keys).toContain(`signin-ip-class:vpn:${E1}`);
    });
    silentIt(id, 'the VPN is one the company allows', async () => {
      expect(await detect(dialect, id, data(), { enrich: { allowed_vpn_providers: ['Mullvad VPN'] } })).toHaveLength(0);
    });
  });

  describe('identity.signin.astrill_vpn', () => {
    const id = 'identity.signin.astrill_vpn';
    firesIt(id, 'sign-ins from an Astrill exit range', async () => {
      const f = await detect(dialect, id, { people: [person('E1')], signIns: daily(E1, IP.datacampJp, '2025-03-01T15:00:00Z', 3) }, ASTRILL_CONFIG);
      expect(f).toHaveLength(1);
      expect(f[0]!.severity).toBe('high');
      expect(f[0]!.evidence.astrill_signins).toBe(6);
      expect(f[0]!.fact_keys).toEqual([`signin-vpn-provider:astrill:${E1}`]);
    });
    silentIt(id, 'another commercial VPN (Mullvad) is not Astrill', async () => {
      expect(await detect(dialect, id, { people: [person('E1')], signIns: daily(E1, IP.mullvad, '2025-03-01T15:00:00Z', 3) }, ASTRILL_CONFIG)).toHaveLength(0);
    });
  });

  describe('identity.signin.country_mismatch', () => {
    const id = 'identity.signin.country_mismatch';
    firesIt(id, 'a US employee signs in from Korea on 30 of 35 days', async () => {
      const f = await detect(dialect, id, { people: [person('E1')], signIns: [...daily(E1, IP.usFairfield, '2025-02-01T15:00:00Z', 5), ...daily(E1, IP.krSeoul, '2025-02-06T01:00:00Z', 30)] });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.hr_country).toBe('US');
      expect(f[0]!.evidence.foreign_days).toBe(30);
      expect(f[0]!.evidence.signins_by_country).toEqual({ KR: 60 });
    });
    silentIt(id, 'a traveller spends a week in Lisbon', async () => {
      const f = await detect(dialect, id, { people: [person('E1')], signIns: [...daily(E1, IP.usFairfield, '2025-01-01T15:00:00Z', 60), ...daily(E1, IP.ptLisbon, '2025-03-02T10:00:00Z', 7)] });
      expect(f).toHaveLength(0);
    });
  });

  describe('identity.signin.impossible_travel', () => {
    const id = 'identity.signin.impossible_travel';
    firesIt(id, 'California then Korea one hour later', async () => {
      const f = await detect(dialect, id, { people: [person('E1')], signIns: [...signIns(E1, IP.usFairfield, ['2025-03-01T10:00:00Z']), ...signIns(E1, IP.krSeoul, ['2025-03-01T11:00:00Z'])] });
      expect(f).toHaveLength(1);
      const hop = (f[0]!.evidence.hops as Array<{ km: number; kmh: number; from: { country: string }; to: { country: string } }>)[0]!;
      expect(hop.from.country).toBe('US');
      expect(hop.to.country).toBe('KR');
      expect(hop.km).toBeGreaterThan(8000);
      expect(hop.kmh).toBeGreaterThan(8000);
    });
    silentIt(id, 'a traveller flies San Francisco to Lisbon (14 hours later)', async () => {
      const f = await detect(dialect, id, { people: [person('E1')], signIns: [...signIns(E1, IP.usFairfield, ['2025-03-01T08:00:00Z']), ...signIns(E1, IP.ptLisbon, ['2025-03-01T22:00:00Z'])] });
      expect(f).toHaveLength(0);
    });
  });

  describe('identity.signin.many_countries', () => {
    const id = 'identity.signin.many_countries';
    firesIt(id, 'US, Portugal, Korea and China within twelve hours', async () => {
      const s = [
        ...signIns(E1, IP.usFairfield, ['2025-03-01T00:00:00Z']),
        ...signIns(E1, IP.ptLisbon, ['2025-03-01T04:00:00Z']),
        ...signIns(E1, IP.krSeoul, ['2025-03-01T08:00:00Z']),
        ...signIns(E1, IP.cnShanghai, ['2025-03-01T12:00:00Z']),
      ];
      const f = await detect(dialect, id, { people: [person('E1')], signIns: s });
      expect(f).toHaveLength(1);
      expect(new Set(f[0]!.evidence.countries as string[])).toEqual(new Set(['US', 'PT', 'KR', 'CN']));
    });
    silentIt(id, 'a traveller is seen in two countries on travel day', async () => {
      const s = [...signIns(E1, IP.usFairfield, ['2025-03-01T00:00:00Z']), ...signIns(E1, IP.ptLisbon, ['2025-03-01T16:00:00Z', '2025-03-01T20:00:00Z'])];
      expect(await detect(dialect, id, { people: [person('E1')], signIns: s })).toHaveLength(0);
    });
  });

  describe('identity.signin.shared_ip', () => {
    const id = 'identity.signin.shared_ip';
    const homes = ['1 Elm St', '22 Pine Ave', '300 Cedar Rd'];
    const farm = (n: number) => ({
      people: homes.slice(0, n).map((street, i) => person(`E${i + 1}`, { home: { street, city: 'Springfield', region: 'IL', postal_code: '62701', country: 'US' } })),
      signIns: [E1, E2, E3].slice(0, n).flatMap((p, i) => daily(p, i % 2 ? IP.usFairfield2 : IP.usFairfield, '2025-03-01T15:00:00Z', 3)),
    });
    firesIt(id, 'three employees with different homes sign in from one residential /24', async () => {
      const f = await detect(dialect, id, farm(3));
      expect(f.map((x) => x.subject_id).sort()).toEqual([E1, E2, E3]);
      expect(f[0]!.evidence.network).toBe('73.162.10.0/24');
      expect(f[0]!.fact_keys).toEqual(['shared-ip:73.162.10.0/24']);
    });
    silentIt(id, 'a couple shares a home connection', async () => {
      expect(await detect(dialect, id, farm(2))).toHaveLength(0);
    });
  });

  /** One MFA device or device fingerprint: shared across two cities, or by a couple at one home. */
  const sharedValue = (field: 'mfa_device' | 'device_fingerprint', value: string) => ({
    acrossCities: () => ({
      people: [person('E1'), person('E2', { home: { street: '9 Harbor Way', city: 'Tampa', region: 'FL', postal_code: '33602', country: 'US' } })],
      signIns: [...signIns(E1, IP.usFairfield, series('2025-03-01T15:00:00Z', 3, 24), { [field]: value }), ...signIns(E2, IP.usSpokane, series('2025-03-01T16:00:00Z', 3, 24), { [field]: value })],
    }),
    couple: () => {
      const home = { street: '5 Birch Lane', city: 'Fairfield', region: 'CA', postal_code: '94534', country: 'US' };
      return {
        people: [person('E1', { home }), person('E2', { home })],
        signIns: [...signIns(E1, IP.usFairfield, series('2025-03-01T15:00:00Z', 3, 24), { [field]: value }), ...signIns(E2, IP.usFairfield, series('2025-03-01T16:00:00Z', 3, 24), { [field]: value })],
      };
    },
  });

  describe('identity.signin.shared_mfa_device', () => {
    const id = 'identity.signin.shared_mfa_device';
    const data = sharedValue('mfa_device', 'okta-verify-device-7f3a');
    firesIt(id, 'two employees in different cities approve MFA with one phone', async () => {
      const f = await detect(dialect, id, data.acrossCities());
      expect(f.map((x) => x.subject_id).sort()).toEqual([E1, E2]);
      expect(f[0]!.evidence.mfa_device).toBe('okta-verify-device-7f3a');
    });
    silentIt(id, 'a couple at one home address share one phone', async () => {
      expect(await detect(dialect, id, data.couple())).toHaveLength(0);
    });
  });

  describe('identity.signin.shared_device_fingerprint', () => {
    const id = 'identity.signin.shared_device_fingerprint';
    const data = sharedValue('device_fingerprint', 'dfp-19c2e0');
    firesIt(id, 'two employees in different cities sign in from one device', async () => {
      const f = await detect(dialect, id, data.acrossCities());
      expect(f.map((x) => x.subject_id).sort()).toEqual([E1, E2]);
      expect(f[0]!.evidence.device_fingerprint).toBe('dfp-19c2e0');
    });
    silentIt(id, 'a couple at one home address share a family computer', async () => {
      expect(await detect(dialect, id, data.couple())).toHaveLength(0);
    });
  });

  describe('identity.session.continuous_multiday', () => {
    const id = 'identity.session.continuous_multiday';
    firesIt(id, 'activity every two hours for three days', async () => {
      const f = await detect(dialect, id, { people: [person('E1')], signIns: signIns(E1, IP.usFairfield, series('2025-03-01T00:00:00Z', 37, 2)) });
      expect(f).toHaveLength(1);
      expect((f[0]!.evidence.stretches as Array<{ hours: number }>)[0]!.hours).toBe(72);
    });
    silentIt(id, 'a night-shift worker active 22:00-06:00 with a daily rest', async () => {
      const s = [];
      for (let d = 0; d < 10; d++) s.push(...signIns(E1, IP.usFairfield, series(new Date(Date.parse('2025-03-01T06:00:00Z') + d * 86_400_000).toISOString(), 9, 1)));
      expect(await detect(dialect, id, { people: [person('E1')], signIns: s })).toHaveLength(0);
    });
  });

  describe('identity.signin.foreign_working_hours', () => {
    const id = 'identity.signin.foreign_working_hours';
    /** Hourly activity on weekdays between two UTC hours, for three weeks of March 2025. */
    const weekdays = (fromUtc: number, toUtc: number, weekdaySet: number[]) => {
      const s = [];
      for (let d = 0; d < 21; d++) {
        const day = new Date(Date.UTC(2025, 2, 3 + d));
        if (!weekdaySet.includes(day.getUTCDay())) continue;
        for (let h = fromUtc; h < toUtc; h++) s.push(new Date(day.getTime() + h * 3_600_000).toISOString());
      }
      return s;
    };
    // 09:00-18:00 in Seoul (UTC+9) Monday to Friday is 00:00-09:00 UTC on the same weekdays.
    const seoulDay = () => signIns(E1, IP.usFairfield, weekdays(0, 9, [1, 2, 3, 4, 5]));
    firesIt(id, 'a Los Angeles employee works Seoul office hours', async () => {
      const f = await detect(dialect, id, { people: [person('E1')], signIns: seoulDay() });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.best_fitting_offset).toBe('UTC+9');
      expect(f[0]!.evidence.best_fit_share).toBe(1);
    });
    silentIt(id, 'a night-shift worker whose HR record says so', async () => {
      expect(await detect(dialect, id, { people: [person('E1', { extra: { shift: 'Night' } })], signIns: seoulDay() })).toHaveLength(0);
    });
    silentIt(id, 'a night-shift worker (22:00-06:00 Los Angeles, Monday to Friday nights)', async () => {
      // 22:00-06:00 PST is 06:00-14:00 UTC the next day: Tuesday to Saturday in UTC.
      const f = await detect(dialect, id, { people: [person('E1')], signIns: signIns(E1, IP.usFairfield, weekdays(6, 14, [2, 3, 4, 5, 6])) });
      expect(f).toHaveLength(0);
    });
  });
});
