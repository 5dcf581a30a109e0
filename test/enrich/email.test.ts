import { describe, expect, it } from 'vitest';
import { classifyEmailDomain, enrichEmail } from '../../src/enrich/email.js';

describe('enrichEmail', () => {
  it('normalises J.Smith+jobs@Gmail.com and jsmith@gmail.com alike', () => {
    const a = enrichEmail('J.Smith+jobs@Gmail.com');
    const b = enrichEmail('jsmith@gmail.com');
    expect(a.valid).toBe(true);
    expect(a.normalized).toBe('jsmith@gmail.com');
    expect(a.normalized).toBe(b.normalized);
  });

  it('maps googlemail.com to gmail.com and strips plus tags only where the provider ignores them', () => {
    expect(enrichEmail('j.smith@googlemail.com').normalized).toBe('jsmith@gmail.com');
    expect(enrichEmail('Jane+work@Outlook.com').normalized).toBe('jane@outlook.com');
    expect(enrichEmail('jane+x@hotmail.co.uk').normalized).toBe('jane@hotmail.co.uk');
    // Dots matter outside Gmail, and unknown domains keep their plus tag.
    expect(enrichEmail('j.smith@outlook.com').normalized).toBe('j.smith@outlook.com');
    expect(enrichEmail('ops+alerts@acme-widgets.com').normalized).toBe('ops+alerts@acme-widgets.com');
  });

  it('classes mailinator.com as disposable, gmail.com as free and other domains as corporate', () => {
    expect(enrichEmail('anyone@mailinator.com').domain_class).toBe('disposable');
    expect(enrichEmail('anyone@gmail.com').domain_class).toBe('free');
    expect(enrichEmail('someone@naver.com').domain_class).toBe('free');
    expect(enrichEmail('dana@acme-widgets.com').domain_class).toBe('corporate');
    expect(classifyEmailDomain('x.mailinator.com')).toBe('disposable');
  });

  it('refuses malformed addresses as invalid', () => {
    for (const bad of ['no-at-sign', 'a..b@example.com', '.a@example.com', 'a@localhost', 'a@-x.com', 'a@x.c', '@example.com', 'a@']) {
      const e = enrichEmail(bad);
      expect(e.valid, bad).toBe(false);
      expect(e.normalized, bad).toBeNull();
      expect(e.domain_class, bad).toBe('invalid');
    }
    expect(enrichEmail('mailto:<Dana@Example.COM>').normalized).toBe('dana@example.com');
  });
});
