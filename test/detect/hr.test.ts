import { describe, expect } from 'vitest';
import { describeEachDialect } from '../helpers/stores.js';
import { candidate, detect, firesIt, person, shipment, silentIt } from './fixtures.js';

const E1 = 'person:E1';
const home = { street: '104 Oak Street', city: 'Fairfield', region: 'CA', postal_code: '94534', country: 'US' };
const farm = { street: '2210 Lakeview Drive', city: 'Raleigh', region: 'NC', postal_code: '27609', country: 'US' };

describeEachDialect('hr rules', (dialect) => {
  describe('hr.shipping.address_not_home', () => {
    const id = 'hr.shipping.address_not_home';
    firesIt(id, 'the laptop goes to a house in another state', async () => {
      const f = await detect(dialect, id, { people: [person('E1', { home })], shipments: [shipment('S1', 'E1', farm, { device_serial: 'SN1' })] });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.ship_to).toBe('2210 LAKEVIEW DR, RALEIGH, NC 27609, US');
      expect(f[0]!.evidence.device_serial).toBe('SN1');
    });
    silentIt(id, 'the home address written differently ("Oak St." for "Oak Street")', async () => {
      const f = await detect(dialect, id, { people: [person('E1', { home })], shipments: [shipment('S1', 'E1', { ...home, street: '104 Oak St.' })] });
      expect(f).toHaveLength(0);
    });
  });

  describe('hr.address.changed_after_hire', () => {
    const id = 'hr.address.changed_after_hire';
    firesIt(id, 'a second laptop shipment to a new address two weeks after hire', async () => {
      const f = await detect(dialect, id, {
        people: [person('E1', { home, hire_date: '2025-01-06' })],
        shipments: [shipment('S1', 'E1', home, { shipped_at: '2025-01-03T10:00:00Z' }), shipment('S2', 'E1', farm, { shipped_at: '2025-01-20T10:00:00Z' })],
      });
      expect(f).toHaveLength(1);
      expect((f[0]!.evidence.changed_shipment as { id: string }).id).toBe('S2');
    });
    firesIt(id, 'applied from Lagos, hired with a home in California', async () => {
      const c = candidate('C1', { hired_person_id: 'E1', home: { city: 'Lagos', country: 'NG' }, applied_at: '2024-12-01T10:00:00Z' });
      const f = await detect(dialect, id, { people: [person('E1', { home }), c] });
      expect(f.map((x) => x.subject_id)).toEqual([E1]);
    });
    silentIt(id, 'a move more than a year after hire', async () => {
      const f = await detect(dialect, id, {
        people: [person('E1', { home, hire_date: '2025-01-06' })],
        shipments: [shipment('S1', 'E1', home, { shipped_at: '2025-01-03T10:00:00Z' }), shipment('S2', 'E1', farm, { shipped_at: '2026-02-20T10:00:00Z' })],
      });
      expect(f).toHaveLength(0);
    });
  });

  describe('hr.address.shared', () => {
    const id = 'hr.address.shared';
    firesIt(id, 'three unrelated workers at one address, spelled three ways', async () => {
      const people = [
        person('E1', { home: farm }),
        person('E2', { home: { ...farm, street: '2210 Lakeview Dr.' } }),
        person('E3', { home: { ...farm, street: '2210 LAKEVIEW DRIVE' } }),
      ];
      const f = await detect(dialect, id, { people });
      expect(f.map((x) => x.subject_id).sort()).toEqual(['person:E1', 'person:E2', 'person:E3']);
      expect(f[0]!.fact_keys[0]).toMatch(/^address:2210\|LAKEVIEW DR/);
    });
    silentIt(id, 'a couple sharing a home', async () => {
      expect(await detect(dialect, id, { people: [person('E1', { home }), person('E2', { home })] })).toHaveLength(0);
    });
  });

  describe('hr.address.po_box_or_forwarder', () => {
    const id = 'hr.address.po_box_or_forwarder';
    firesIt(id, 'the laptop is shipped to a parcel forwarder', async () => {
      const fwd = { street: '2800 NW 105th Ave, Shipito Suite 1234', city: 'Doral', region: 'FL', postal_code: '33172', country: 'US' };
      const f = await detect(dialect, id, { people: [person('E1', { home })], shipments: [shipment('S1', 'E1', fwd)] });
      expect(f).toHaveLength(1);
      expect(f[0]!.severity).toBe('high');
      expect(f[0]!.evidence.mail_service).toBe('Shipito');
    });
    silentIt(id, 'an ordinary street address', async () => {
      expect(await detect(dialect, id, { people: [person('E1', { home })], shipments: [shipment('S1', 'E1', home)] })).toHaveLength(0);
    });
  });

  describe('hr.identifier.shared_phone', () => {
    const id = 'hr.identifier.shared_phone';
    firesIt(id, 'two applicants give one number, written two ways', async () => {
      const f = await detect(dialect, id, { people: [candidate('C1', { phone: '+1 415 555 0134' }), candidate('C2', { phone: '(415) 555-0134', home: { country: 'US' } })] });
      expect(f.map((x) => x.subject_id).sort()).toEqual(['candidate:C1', 'candidate:C2']);
      expect(f[0]!.evidence.phone).toBe('+14155550134');
    });
    silentIt(id, 'two contractors give their staffing agency\'s number', async () => {
      const people = [person('E1', { phone: '+14155550134', agency: 'Acme Staffing', home }), person('E2', { phone: '+14155550134', agency: 'Acme Staffing', home: farm })];
      expect(await detect(dialect, id, { people })).toHaveLength(0);
    });
  });

  describe('hr.identifier.shared_email', () => {
    const id = 'hr.identifier.shared_email';
    firesIt(id, 'two applicants with one Gmail inbox (dots and case differ)', async () => {
      const f = await detect(dialect, id, { people: [candidate('C1', { personal_email: 'Dev.Star@gmail.com' }), candidate('C2', { personal_email: 'devstar@gmail.com' })] });
      expect(f.map((x) => x.subject_id).sort()).toEqual(['candidate:C1', 'candidate:C2']);
    });
    silentIt(id, 'an applicant and the employee they became', async () => {
      const people = [person('E1', { personal_email: 'devstar@gmail.com' }), candidate('C1', { personal_email: 'devstar@gmail.com', hired_person_id: 'E1' })];
      expect(await detect(dialect, id, { people })).toHaveLength(0);
    });
  });

  describe('hr.contact.voip_phone', () => {
    const id = 'hr.contact.voip_phone';
    firesIt(id, 'a UK 056 VoIP number', async () => {
      const f = await detect(dialect, id, { people: [candidate('C1', { phone: '+44 56 1234 5678' })] });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.line_type).toBe('VOIP');
    });
    silentIt(id, 'a mobile number', async () => {
      expect(await detect(dialect, id, { people: [candidate('C1', { phone: '+44 7911 123456' })] })).toHaveLength(0);
    });
  });

  describe('hr.contact.disposable_email', () => {
    const id = 'hr.contact.disposable_email';
    firesIt(id, 'a Mailinator address', async () => {
      const f = await detect(dialect, id, { people: [candidate('C1', { personal_email: 'j.doe@mailinator.com' })] });
      expect(f).toHaveLength(1);
      expect(f[0]!.evidence.domain).toBe('mailinator.com');
    });
    silentIt(id, 'a free-mail address', async () => {
      expect(await detect(dialect, id, { people: [candidate('C1', { personal_email: 'j.doe@gmail.com' })] })).toHaveLength(0);
    });
  });
});
