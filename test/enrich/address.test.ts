import { describe, expect, it } from 'vitest';
import { addressSimilarity, normalizeAddress, parseAddressLine } from '../../src/enrich/address.js';
import { cityCoordinates, haversineKm } from '../../src/enrich/geo.js';

const springfield = { city: 'Springfield', region: 'IL', postal_code: '62701', country: 'US' };

describe('normalizeAddress', () => {
  it('gives "12 N. Main St., Apt 4" and "12 North Main Street #4" one key', () => {
    const a = normalizeAddress({ street: '12 N. Main St., Apt 4', ...springfield });
    const b = normalizeAddress({ street: '12 North Main Street #4', ...springfield });
    expect(a.key).not.toBeNull();
    expect(a.key).toBe(b.key);
    expect(a.normalized).toBe('12 N MAIN ST APT 4, SPRINGFIELD, IL 62701, US');
  });

  it('reads state names, ZIP+4 and a missing country as the same place', () => {
    const a = normalizeAddress({ street: '12 North Main Street, Unit 4', city: 'springfield', region: 'Illinois', postal_code: '62701-1234' });
    expect(a.key).toBe(normalizeAddress({ street: '12 N Main St Apt 4', ...springfield }).key);
  });

  it('keeps different houses, streets and units apart', () => {
    const base = normalizeAddress({ street: '12 N Main St Apt 4', ...springfield }).key;
    expect(normalizeAddress({ street: '14 N Main St Apt 4', ...springfield }).key).not.toBe(base);
    expect(normalizeAddress({ street: '12 S Main St Apt 4', ...springfield }).key).not.toBe(base);
    expect(normalizeAddress({ street: '12 N Main St Apt 5', ...springfield }).key).not.toBe(base);
    expect(normalizeAddress({ street: '12 N Main St Apt 4', ...springfield, postal_code: '62702' }).key).not.toBe(base);
  });

  it('uses city and region when there is no postal code, and has no key without a street', () => {
    const a = normalizeAddress({ street: '15 Rue de la Paix', city: 'Paris', country: 'FR' });
    expect(a.key).toBe('15|RUE DE LA PAIX||PARIS||FR');
    expect(normalizeAddress({ city: 'Paris', country: 'FR' }).key).toBeNull();
  });

  it('recognises PO boxes in their spellings', () => {
    for (const street of ['P.O. Box 123', 'PO BOX 123', 'Post Office Box 123', 'POB 123', 'p o box 0123', 'Box 123']) {
      const a = normalizeAddress({ street, city: 'Austin', region: 'TX', postal_code: '78701' });
      expect(a.po_box, street).toBe(true);
      expect(a.key, street).toBe('POBOX 123|78701|US');
    }
    expect(normalizeAddress({ street: '12 Boxwood Ln', city: 'Austin', region: 'TX' }).po_box).toBe(false);
    expect(normalizeAddress({ street: '12 Main St, Box 5', city: 'Austin', region: 'TX' }).po_box).toBe(false);
  });

  it('recognises private mailboxes and commercial mail receiving agencies, with the store number not taken for a unit', () => {
    const pmb = normalizeAddress({ street: '8 The Green, PMB 221', city: 'Dover', region: 'DE', postal_code: '19901' });
    expect(pmb).toMatchObject({ cmra: true, po_box: false, mail_service: 'private mailbox (PMB)', forwarder: false });
    const pm = normalizeAddress({ street: '8 The Green, Private Mailbox 221', city: 'Dover', region: 'DE', postal_code: '19901' });
    expect(pm.cmra).toBe(true);
    expect(pm.key).toBe(pmb.key);
    const ups = normalizeAddress({ street: '1000 Commerce Dr, The UPS Store #4411, PMB 221', city: 'Dover', region: 'DE', postal_code: '19901' });
    expect(ups).toMatchObject({ cmra: true, mail_service: 'The UPS Store' });
    expect(ups.key).toBe('1000|COMMERCE DR||PMB 221|19901|US');
    expect(normalizeAddress({ street: '5 Oak Ave, Mail Boxes Etc. #12', city: 'Reno', region: 'NV' }).mail_service).toBe('Mail Boxes Etc.');
  });

  it('recognises parcel forwarders', () => {
    const a = normalizeAddress({ street: '3401 NW 82nd Ave, Suite 1234 Shipito', city: 'Doral', region: 'FL', postal_code: '33122' });
    expect(a).toMatchObject({ cmra: true, forwarder: true, mail_service: 'Shipito' });
    expect(normalizeAddress({ street: '700 Stackry Way', city: 'Nashua', region: 'NH' }).forwarder).toBe(true);
    expect(normalizeAddress({ street: '12 N Main St', ...springfield })).toMatchObject({ cmra: false, forwarder: false, mail_service: null });
  });

  it('places an address at its city from the offline gazetteer', () => {
    const a = normalizeAddress({ street: '12 N Main St', ...springfield });
    expect(a.lat).toBeCloseTo(39.8, 1);
    expect(a.lon).toBeCloseTo(-89.64, 1);
    expect(a.geo_source).toMatch(/GeoNames/);
    // Same name, other state: the region picks the right Springfield.
    const mo = normalizeAddress({ street: '1 Main St', city: 'Springfield', region: 'Missouri' });
    expect(mo.lon).toBeCloseTo(-93.3, 1);
    expect(normalizeAddress({ street: '1 Main St', city: 'Nowhereville Xyz', country: 'US' }).lat).toBeNull();
  });
});

describe('addressSimilarity', () => {
  const a = { street: '12 N. Main St., Apt 4', ...springfield };
  it('is 1 for one address written two ways', () => {
    expect(addressSimilarity(a, { street: '12 North Main Street #4', ...springfield })).toBe(1);
  });
  it('is high for a typo, lower for another house, low for another city', () => {
    const typo = addressSimilarity(a, { street: '12 N Mian Street Apt 4', ...springfield });
    const otherHouse = addressSimilarity(a, { street: '14 N Main St Apt 4', ...springfield });
    const otherCity = addressSimilarity(a, { street: '9 Elm Rd', city: 'Austin', region: 'TX', postal_code: '78701', country: 'US' });
    expect(typo).toBeGreaterThan(0.9);
    expect(otherHouse).toBeLessThan(typo);
    expect(otherHouse).toBeGreaterThan(0.6);
    expect(otherCity).toBeLessThan(0.2);
    for (const s of [typo, otherHouse, otherCity]) expect(s >= 0 && s <= 1).toBe(true);
  });
});

describe('geo', () => {
  it('measures great-circle distances in km', () => {
    expect(haversineKm(51.5074, -0.1278, 48.8566, 2.3522)).toBeCloseTo(343.5, 0); // London–Paris
    expect(haversineKm(40.7128, -74.006, 40.7128, -74.006)).toBe(0);
    expect(haversineKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6371.0088, 0);
  });
  it('finds the most populous city of a name in a country', () => {
    const p = cityCoordinates('Paris', null, 'FR');
    expect(p?.lat).toBeCloseTo(48.85, 1);
    expect(cityCoordinates('São Paulo', null, 'BR')?.lat).toBeCloseTo(-23.5, 0);
  });
});

describe('parseAddressLine', () => {
  it('splits a one-line address into fields', () => {
    expect(parseAddressLine('12 N. Main St., Apt 4, Springfield, IL 62701')).toEqual({ street: '12 N. Main St., Apt 4', city: 'Springfield', region: 'IL', postal_code: '62701', country: 'US' });
    expect(parseAddressLine('10 Downing St, London, SW1A 2AA, GB')).toEqual({ street: '10 Downing St', city: 'London', postal_code: 'SW1A 2AA', country: 'GB' });
    expect(parseAddressLine('15 Rue de la Paix, 75002 Paris, FR')).toEqual({ street: '15 Rue de la Paix', city: 'Paris', postal_code: '75002', country: 'FR' });
  });
});
