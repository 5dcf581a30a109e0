import { describe, expect, it } from 'vitest';
import { enrichPhone } from '../../src/enrich/phone.js';

describe('enrichPhone', () => {
  it('knows a UK +44 56 number as VoIP (Ofcom reserves 056 for VoIP)', () => {
    const p = enrichPhone('+44 5612 345678');
    expect(p).toMatchObject({ e164: '+445612345678', country: 'GB', valid: true, line_type: 'VOIP', voip: true });
  });

  it('cannot tell US VoIP apart: the plan says FIXED_LINE_OR_MOBILE, and voip stays false', () => {
    const p = enrichPhone('(415) 555-2671', 'US');
    expect(p).toMatchObject({ e164: '+14155552671', country: 'US', valid: true, line_type: 'FIXED_LINE_OR_MOBILE', voip: false });
  });

  it('reads mobile numbers, 00 international prefixes and national forms with a default country', () => {
    expect(enrichPhone('+82 10-1234-5678')).toMatchObject({ country: 'KR', line_type: 'MOBILE', voip: false });
    expect(enrichPhone('0044 7400 123456').e164).toBe('+447400123456');
    expect(enrichPhone('07400 123456', 'GB')).toMatchObject({ e164: '+447400123456', country: 'GB', line_type: 'MOBILE' });
    expect(enrichPhone('+44 70 1234 5678').line_type).toBe('PERSONAL_NUMBER');
  });

  it('separates well-formed but unassigned numbers from valid ones', () => {
    const p = enrichPhone('+44 7700 900123'); // Ofcom's range for drama: not a real number
    expect(p.e164).toBe('+447700900123');
    expect(p.valid).toBe(false);
    expect(p.line_type).toBeNull();
  });

  it('returns no E.164 for text that is not a number', () => {
    expect(enrichPhone('call me', 'US')).toEqual({ input: 'call me', e164: null, country: null, valid: false, line_type: null, voip: false });
    expect(enrichPhone('').e164).toBeNull();
  });
});
