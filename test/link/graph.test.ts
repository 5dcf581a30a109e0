import { describe, expect, it } from 'vitest';
import { linkRecords } from '../../src/link/pipeline.js';
import { FARM_HOUSE, candidate, config, employee, functions, ipUse, pay, shipment, sources } from './helpers.js';

const cfg = config.score.link;

describe('clusters from shared identifiers', () => {
  it('a group sharing a shipping address and pay accounts becomes one cluster that says so', () => {
    const people = ['E1', 'E2', 'E3', 'E4'].map((id, i) => employee(id, ['Ann Lee', 'Bob Ray', 'Cid Moe', 'Dee Fox'][i]!, { home: { street: `${i + 1} Elm St`, city: 'Austin', postal_code: '7870' + i, country: 'US' } }));
    const unrelated = employee('E9', 'Eve Sun', { home: { street: '9 Pine Rd', city: 'Boise', postal_code: '83702', country: 'US' } });
    const res = linkRecords(
      sources({
        people: [...people, unrelated],
        shipments: people.map((p, i) => shipment(`S${i}`, p.id, FARM_HOUSE, `SER${i}`)),
        pay: [pay('person:E1', '111122223333'), pay('person:E2', '111122223333'), pay('person:E3', '444455556666'), pay('person:E4', '444455556666')],
      }),
      cfg,
      functions(),
    );
    expect(res.clusters).toHaveLength(1);
    const c = res.clusters[0]!;
    expect(c.person_ids).toEqual(['person:E1', 'person:E2', 'person:E3', 'person:E4']);
    expect(c.reasons).toContain('4 people share a shipping address (4821 Oakridge Dr, Raleigh)');
    expect(c.reasons).toContain('4 people share 2 bank accounts');
    expect(c.hubs).toEqual([{ type: 'ship_address', value: '4821 Oakridge Dr, Raleigh', members: 4 }]);
    // The pay accounts are shown masked, never in clear.
    expect(JSON.stringify(res)).not.toContain('111122223333');
  });

  it('two unrelated people who share one popular public IP are not joined', () => {
    const a = employee('E1', 'Ann Lee');
    const b = employee('E2', 'Bob Ray');
    const shared = (ip: string) =>
      linkRecords(sources({ people: [a, b], signins: [ipUse(a.id, ip, '2024-05-01T00:00:00Z', '2024-05-30T00:00:00Z'), ipUse(b.id, ip, '2024-05-10T00:00:00Z', '2024-06-30T00:00:00Z')] }), cfg, functions({ '185.220.14.7': 'vpn' }));
    // A residential IP alone is a weak link: kept as a link, never a cluster.
    const residential = shared('73.162.10.50');
    expect(residential.clusters).toEqual([]);
    expect(residential.links.map((l) => [l.kind, l.score])).toEqual([['shared_identifiers', cfg.identifiers.ip.weight]]);
    // A VPN exit is even weaker.
    expect(shared('185.220.14.7').links[0]!.score).toBeCloseTo(cfg.identifiers.ip.weight * cfg.ip_class_factor.vpn, 3);
    // Corporate egress and private addresses link nobody.
    expect(linkRecords(sources({ people: [a, b], signins: [ipUse(a.id, '10.1.2.3', '2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z'), ipUse(b.id, '10.1.2.3', '2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z')] }), cfg, functions()).links).toEqual([]);
    const corp = linkRecords(sources({ people: [a, b], signins: [ipUse(a.id, '64.233.160.10', '2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z'), ipUse(b.id, '64.233.160.10', '2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z')] }), cfg, functions({ '64.233.160.10': 'corporate' }));
    expect(corp.identifiers.filter((i) => i.type === 'ip')).toEqual([]);
  });

  it('an IP that hundreds share joins nobody, and weak links do not chain people together', () => {
    const people = Array.from({ length: 300 }, (_, i) => employee(`E${i}`, `Person ${i}`));
    const busy = people.map((p) => ipUse(p.id, '24.5.60.80', '2024-05-01T00:00:00Z', '2024-05-30T00:00:00Z'));
    // A chain: E0-E1 share one IP, E1-E2 another, ... each pair overlapping in time.
    const chain = people.slice(0, 20).flatMap((p, i) => [ipUse(p.id, `81.2.69.${i}`, '2024-05-01T00:00:00Z', '2024-05-30T00:00:00Z'), ipUse(p.id, `81.2.69.${i + 1}`, '2024-05-01T00:00:00Z', '2024-05-30T00:00:00Z')]);
    const res = linkRecords(sources({ people, signins: [...busy, ...chain] }), cfg, functions());
    expect(res.clusters).toEqual([]);
    expect(res.links.every((l) => l.score < cfg.join_threshold)).toBe(true);
    expect(res.links).toHaveLength(19); // only the chain's pairs; the busy IP gives no edge
  });

  it('people on one IP at different times are not linked by it', () => {
    const a = employee('E1', 'Ann Lee');
    const b = employee('E2', 'Bob Ray');
    const res = linkRecords(
      sources({ people: [a, b], signins: [ipUse(a.id, '73.170.4.9', '2024-01-01T00:00:00Z', '2024-01-31T00:00:00Z'), ipUse(b.id, '73.170.4.9', '2024-03-01T00:00:00Z', '2024-03-31T00:00:00Z')] }),
      cfg,
      functions(),
    );
    expect(res.links).toEqual([]);
  });

  it('two weak links between the same two people add up to a join', () => {
    const a = employee('E1', 'Ann Lee');
    const b = employee('E2', 'Bob Ray');
    const t = ['2024-05-01T00:00:00Z', '2024-05-30T00:00:00Z'] as const;
    const res = linkRecords(
      sources({ people: [a, b], signins: [ipUse(a.id, '73.170.4.9', ...t), ipUse(b.id, '73.170.4.9', ...t), { person_id: a.id, type: 'mfa_device', value: 'mfa-77', first_seen: t[0], last_seen: t[1], count: 3 }, { person_id: b.id, type: 'mfa_device', value: 'mfa-77', first_seen: t[0], last_seen: t[1], count: 3 }] }),
      cfg,
      functions(),
    );
    expect(res.clusters).toHaveLength(1);
    expect(res.clusters[0]!.reasons).toEqual(['2 people share a public IP at the same time (73.170.4.9)', '2 people share an MFA device (mfa-77)']);
  });

  it('contractors paid through their agency’s account are a weak link, not a cluster', () => {
    const people = ['K1', 'K2', 'K3'].map((id) => employee(id, `Contractor ${id}`, { agency: 'Acme Staffing' }));
    const res = linkRecords(sources({ people, pay: people.map((p) => pay(p.id, '999988887777')) }), cfg, functions());
    expect(res.clusters).toEqual([]);
    const others = ['E1', 'E2', 'E3'].map((id) => employee(id, `Worker ${id}`));
    expect(linkRecords(sources({ people: others, pay: others.map((p) => pay(p.id, '999988887777')) }), cfg, functions()).clusters).toHaveLength(1);
  });

  it('splits a component larger than max_cluster_size at its weakest links', () => {
    // Two groups of 3 paid into one account each, bridged by a phone number two of them share.
    const people = ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => employee(id, `P ${id}`, id === 'C' || id === 'D' ? { phone: '+14155550199' } : {}));
    const payAll = people.map((p, i) => pay(p.id, i < 3 ? '100020003000' : '400050006000'));
    const whole = linkRecords(sources({ people, pay: payAll }), cfg, functions());
    expect(whole.clusters.map((c) => c.person_ids.length)).toEqual([6]);
    const split = linkRecords(sources({ people, pay: payAll }), { ...cfg, max_cluster_size: 4 }, functions());
    expect(split.clusters.map((c) => c.person_ids)).toEqual([
      ['person:A', 'person:B', 'person:C'],
      ['person:D', 'person:E', 'person:F'],
    ]);
  });
});

describe('entity resolution', () => {
  it('folds a hired candidate into the employee it became', () => {
    const e = employee('E7', 'Jordan Blake', { personal_email: 'jordan.blake@gmail.com' });
    const c = candidate('C7', 'Jordan Blake', { personal_email: 'Jordan.Blake@gmail.com', hired_person_id: 'E7' });
    const res = linkRecords(sources({ people: [e, c] }), cfg, functions());
    expect(res.subjects.get('candidate:C7')).toBe('person:E7');
    expect(res.clusters).toEqual([]);
    expect(res.links).toEqual([expect.objectContaining({ kind: 'same_person', person_a: 'candidate:C7', person_b: 'person:E7', score: 1 })]);
  });

  it('one applicant under two spellings is matched, with a waterfall that adds up', () => {
    const a = candidate('C1', 'Jon Smithe', { phone: '+1 512 555 0143', personal_email: 'js1@example.org' });
    const b = candidate('C2', 'John Smith', { phone: '(512) 555-0143', personal_email: 'js2@example.org', home: { city: 'Austin', country: 'US' } });
    const res = linkRecords(sources({ people: [a, b] }), cfg, functions());
    const same = res.links.find((l) => l.kind === 'same_person')!;
    expect(same).toBeDefined();
    const total = same.reasons.reduce((s, r) => s + r.points, 0);
    expect(same.score).toBeCloseTo(1 / (1 + Math.pow(2, -total)), 3);
    expect(same.reasons.map((r) => r.label)).toEqual(['prior', 'name', 'date_of_birth', 'email', 'phone', 'address']);
    expect(res.clusters).toHaveLength(1);
    expect(res.clusters[0]!.reasons.some((r) => /C1 and C2 look like one person/.test(r))).toBe(true);
  });

  it('a couple sharing home, phone and account is not taken for one person', () => {
    const home = { street: '12 Birch Ln', city: 'Denver', postal_code: '80202', country: 'US' };
    const a = employee('E1', 'Maria Gonzalez', { date_of_birth: '1988-02-03', home, phone: '+13035550100' });
    const b = employee('E2', 'Luis Gonzalez', { date_of_birth: '1986-11-20', home, phone: '+13035550100' });
    const res = linkRecords(sources({ people: [a, b], pay: [pay(a.id, '123412341234'), pay(b.id, '123412341234')] }), cfg, functions());
    expect(res.links.some((l) => l.kind === 'same_person')).toBe(false);
    expect(res.clusters).toHaveLength(1);
    expect(res.clusters[0]!.aliases).toEqual([]);
  });
});

describe('hubs', () => {
  const t = ['2024-05-01T00:00:00Z', '2024-05-30T00:00:00Z'] as const;
  it('one home IP behind two groups paid into different accounts joins them; an IP outsiders also use does not', () => {
    const people = ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => employee(id, `Worker ${id}`));
    const payAll = people.map((p, i) => pay(p.id, i < 3 ? '100020003000' : '400050006000'));
    const farmIp = people.slice(1, 5).map((p) => ipUse(p.id, '73.21.113.3', ...t));
    const joined = linkRecords(sources({ people, pay: payAll, signins: farmIp }), cfg, functions());
    expect(joined.clusters.map((c) => c.person_ids.length)).toEqual([6]);
    expect(joined.clusters[0]!.reasons).toContain('4 people share a public IP at the same time (73.21.113.3)');

    // The same IP also used by someone in no cluster: a shared network, not the farm's line.
    const outsider = employee('Z', 'Someone Else');
    const apart = linkRecords(sources({ people: [...people, outsider], pay: payAll, signins: [...farmIp, ipUse(outsider.id, '73.21.113.3', ...t)] }), cfg, functions());
    expect(apart.clusters.map((c) => c.person_ids.length)).toEqual([3, 3]);
  });

  it('a referrer behind three members of a ring joins it and is named as its hub; one behind two does not', () => {
    const referrer = employee('E1', 'Rick Referrer');
    const ring = ['C1', 'C2', 'C3'].map((id) => candidate(id, `Applicant ${id}`, { phone: '+14155550123', referred_by: 'E1' }));
    const res = linkRecords(sources({ people: [referrer, ...ring] }), cfg, functions());
    expect(res.clusters).toHaveLength(1);
    expect(res.clusters[0]!.person_ids).toEqual(['candidate:C1', 'candidate:C2', 'candidate:C3', 'person:E1']);
    expect(res.clusters[0]!.hubs).toContainEqual({ type: 'referrer', value: 'E1', members: 4 });
    const two = linkRecords(sources({ people: [referrer, ...ring.slice(0, 2)] }), cfg, functions());
    expect(two.clusters[0]!.person_ids).toEqual(['candidate:C1', 'candidate:C2']);
  });

  it('applicants with the ring’s résumé join the ring when the ring holds most of it', () => {
    const resume = 'Senior full stack engineer with nine years of experience building scalable web platforms in TypeScript, Go and Python, leading teams of five, designing event driven microservices on Kubernetes, and shipping payment systems for fintech clients across North America and Europe.';
    const ring = ['C1', 'C2', 'C3'].map((id) => candidate(id, `Applicant ${id}`, { phone: '+14155550123', resume_text: resume }));
    const others = ['C4', 'C5'].map((id) => candidate(id, `Applicant ${id}`, { resume_text: `${resume} Available immediately.` }));
    const res = linkRecords(sources({ people: [...ring, ...others] }), cfg, functions());
    expect(res.clusters.map((c) => c.person_ids)).toEqual([['candidate:C1', 'candidate:C2', 'candidate:C3', 'candidate:C4', 'candidate:C5']]);
    // As many outsiders as ring members: a shared template, not the ring's.
    const more = ['C4', 'C5', 'C6'].map((id) => candidate(id, `Applicant ${id}`, { resume_text: `${resume} Available immediately.` }));
    expect(linkRecords(sources({ people: [...ring, ...more] }), cfg, functions()).clusters.map((c) => c.person_ids.length)).toEqual([3]);
  });
});
