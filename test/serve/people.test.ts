/** People, clusters, findings, rules and data through the API, and what a viewer sees of them. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskEmail, maskPhone } from '../../src/serve/presenters/mask.js';
import { replaceClusterEvidence } from '../../src/store/repositories/link.js';
import { describeEachDialect, type TestStore } from '../helpers/stores.js';
import { ALICE, as, BOB, CAROL, openSeededApp, type Session } from './helpers.js';

const enc = encodeURIComponent;

describe('masking helpers', () => {
  it('keep enough to recognise a value, not to learn it', () => {
    expect(maskEmail('alice@corp.example')).toBe('a•••@corp.example');
    expect(maskPhone('+1 (415) 555-0142')).toBe('+• (•••) •••-••42');
    expect(maskEmail(null)).toBeNull();
  });
});

describeEachDialect('people and clusters API', (dialect) => {
  let store: TestStore;
  let app: FastifyInstance;
  let closeApp: () => Promise<void>;
  let viewer: Session;
  let analyst: Session;

  beforeAll(async () => {
    ({ store, app, viewer, analyst, close: closeApp } = await openSeededApp(dialect));
  });
  afterAll(async () => {
    await closeApp();
  });

  it('lists people riskiest first, with filters, search, sort and paging', async () => {
    const get = (qs: string) => as(app, analyst)('GET', `/api/people?${qs}`).then((r) => r.json());
    const all = await get('');
    expect(all.total).toBe(3);
    expect(all.rows.map((r: { id: string }) => r.id)).toEqual([ALICE, BOB, CAROL]);
    expect((await get('level=critical')).rows.map((r: { id: string }) => r.id)).toEqual([ALICE]);
    expect((await get('level=medium,unscored')).rows.map((r: { id: string }) => r.id)).toEqual([BOB, CAROL]);
    expect((await get('rule=identity.shared_address')).rows.map((r: { id: string }) => r.id)).toEqual([BOB]);
    expect((await get('department=Finance')).total).toBe(1);
    expect((await get('department=Nowhere')).total).toBe(0);
    expect((await get('rule=no.such.rule')).total).toBe(0);
    expect((await get('q=corp.example')).total).toBe(2);
    expect((await get('q=E100')).rows.map((r: { id: string }) => r.id)).toEqual([ALICE, BOB]);
    expect((await get('kind=candidate')).rows[0].full_name).toBe('Carol Candidate');
    expect((await get('q=SAMPLE')).rows.map((r: { id: string }) => r.id)).toEqual([BOB]);
    expect((await get('sort=name&order=asc')).rows.map((r: { full_name: string }) => r.full_name)).toEqual(['Alice Example', 'Bob Sample', 'Carol Candidate']);
    expect((await get('sort=score&order=asc')).rows.map((r: { id: string }) => r.id)).toEqual([CAROL, BOB, ALICE]);
    const page = await get('limit=1&offset=1');
    expect(page.total).toBe(3);
    expect(page.rows.map((r: { id: string }) => r.id)).toEqual([BOB]);
    expect((await as(app, analyst)('GET', '/api/people?sort=salary')).statusCode).toBe(400);
    const facets = (await as(app, analyst)('GET', '/api/people/facets')).json();
    expect(facets.levels).toMatchObject({ critical: 1, medium: 1, unscored: 1 });
    expect(facets.rules).toEqual(expect.arrayContaining([{ value: 'endpoint.rmm.present', n: 1 }]));
  });

  it('shows an analyst one person with findings, evidence, explanation, identifiers, devices and sign-ins', async () => {
    const res = await as(app, analyst)('GET', `/api/people/${enc(ALICE)}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.person.phone).toBe('+1 415 555 0142');
    expect(d.person.home.street).toBe('12 Market Street');
    expect(d.score).toMatchObject({ score: 87, level: 'critical' });
    expect(d.score.explanation.map((c: { points: number }) => c.points)).toEqual([50, 37]);
    expect(d.findings[0]).toMatchObject({ rule_id: 'endpoint.rmm.present', evidence: { tool: 'AnyDesk', user_email: 'alice@corp.example' } });
    expect(d.devices[0].remote_access.map((t: { name: string }) => t.name)).toEqual(['AnyDesk']);
    expect(d.devices[0].usb[0]).toMatchObject({ vendor: 'PiKVM', vendor_id: '2b7c' });
    expect(d.signins).toMatchObject({ total: 2, failures: 1 });
    expect(d.signins.ips.map((i: { country: string }) => i.country).sort()).toEqual(['CN', 'US']);
    expect(d.shipments[0]).toMatchObject({ city: 'Dallas', street: '7 Farm Lane' });
    expect(d.identifiers.find((i: { type: string }) => i.type === 'ship_address').shared_with).toBe(1);
    expect(d.linked[0]).toMatchObject({ id: BOB, full_name: 'Bob Sample', link_kind: 'address' });
    expect(d.cluster).toMatchObject({ id: 'K1', size: 2 });
  });

  it('never sends what the person page does not need: date of birth, resume text, account numbers, secret hashes', async () => {
    for (const s of [analyst, viewer]) {
      const body = (await as(app, s)('GET', `/api/people/${enc(ALICE)}`)).body;
      expect(body).not.toContain('1990-02-03');
      expect(body).not.toContain('SECRET RESUME TEXT');
      expect(body).not.toContain('000123456789');
      const hash = (await store.db.selectFrom('pay_accounts').select('account_hash').executeTakeFirstOrThrow()).account_hash!;
      expect(body).not.toContain(hash);
      expect(JSON.parse(body).pay_accounts[0].account).toBe('••••6789');
    }
  });

  it('masks phone numbers, emails and street addresses for a viewer, everywhere they appear', async () => {
    const d = (await as(app, viewer)('GET', `/api/people/${enc(ALICE)}`)).json();
    expect(d.person.phone).toBe('+• ••• ••• ••42');
    expect(d.person.work_email).toBe('a•••@corp.example');
    expect(d.person.personal_email).toBe('a•••@mail.example');
    expect(d.person.home.street).toBe('••••••');
    expect(d.person.home.city).toBe('San Francisco');
    expect(d.person.home.postal_code).toBe('94•••');
    expect(d.findings[0].evidence).toMatchObject({ tool: 'AnyDesk', user_email: 'a•••@corp.example', phone: '+• ••• ••• ••42', ship_street: '••••••' });
    expect(d.findings[0].summary).toBe('AnyDesk on the laptop of a•••@corp.example');
    expect(d.signins.recent[0].user_name).toBe('a•••@corp.example');
    expect(d.shipments[0].street).toBe('••••••');
    expect(d.identifiers.find((i: { type: string }) => i.type === 'phone').value).toBe('+• ••• ••• ••42');
    expect(d.identifiers.find((i: { type: string }) => i.type === 'ship_address').value).not.toContain('Farm');
    const body = JSON.stringify(d);
    for (const secret of ['alice@corp.example', '555 0142', '12 Market Street', '7 Farm Lane', '94105']) expect(body).not.toContain(secret);

    const list = (await as(app, viewer)('GET', '/api/people')).json();
    expect(list.rows[0].work_email).toBe('a•••@corp.example');
    const findings = (await as(app, viewer)('GET', '/api/findings?rule_id=identity.shared_address')).json();
    expect(findings.rows[0].evidence.address).toBe('••••••');
    const cluster = (await as(app, viewer)('GET', '/api/clusters/K1')).json();
    expect(JSON.stringify(cluster)).not.toContain('Farm');
  });

  it('answers 404 for an unknown person or cluster', async () => {
    expect((await as(app, analyst)('GET', `/api/people/${enc('person:NOPE')}`)).statusCode).toBe(404);
    expect((await as(app, analyst)('GET', '/api/clusters/NOPE')).statusCode).toBe(404);
  });

  it('gives a cluster as a graph of people and shared identifiers, with hubs', async () => {
    const g = (await as(app, analyst)('GET', '/api/clusters/K1')).json();
    const people = g.nodes.filter((n: { kind: string }) => n.kind === 'person');
    const ids = g.nodes.filter((n: { kind: string }) => n.kind === 'identifier');
    expect(people.map((n: { id: string }) => n.id).sort()).toEqual([ALICE, BOB]);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatchObject({ identifier_type: 'ship_address', hub: true, degree: 2, label: '7 Farm Lane, Dallas, TX' });
    expect(g.edges.filter((e: { target: string }) => e.target === ids[0].id).map((e: { source: string }) => e.source).sort()).toEqual([ALICE, BOB]);
    expect(g.edges.some((e: { source: string; target: string; kind: string }) => e.kind === 'address' && e.source === ALICE && e.target === BOB)).toBe(true);
    const list = (await as(app, analyst)('GET', '/api/clusters')).json();
    expect(list.rows[0]).toMatchObject({ id: 'K1', size: 2, risk_level: 'high' });
  });

  it('draws the graph from what the link stage recorded the members share, masked for viewers', async () => {
    await replaceClusterEvidence(
      store,
      [
        {
          cluster_id: 'K1',
          fingerprint: 'cluster:test',
          shared: [
            { kind: 'address', role: 'ship', display: '7 FARM LN, DALLAS, TX 75001, US', members: [ALICE, BOB], fact_keys: [] },
            { kind: 'pay_account', role: null, display: '••••6789', members: [ALICE, BOB, CAROL], fact_keys: [] },
          ],
          aliases: [],
        },
      ],
      null,
    );
    const g = (await as(app, analyst)('GET', '/api/clusters/K1')).json();
    const ids = g.nodes.filter((n: { kind: string }) => n.kind === 'identifier');
    expect(ids.map((n: { identifier_type: string; label: string }) => [n.identifier_type, n.label])).toEqual([
      ['ship_address', '7 FARM LN, DALLAS, TX 75001, US'],
      ['pay_account', '••••6789'],
    ]);
    // Carol is not a member: the edge to her is left out, the value still links Alice and Bob.
    const pay = ids.find((n: { identifier_type: string }) => n.identifier_type === 'pay_account');
    expect(g.edges.filter((e: { target: string }) => e.target === pay.id).map((e: { source: string }) => e.source).sort()).toEqual([ALICE, BOB]);
    const seen = JSON.stringify((await as(app, viewer)('GET', '/api/clusters/K1')).json());
    expect(seen).not.toContain('FARM');
    expect(seen).toContain('DALLAS');
  });

  it('lists rules with how often they fired, and the data sources', async () => {
    const rules = (await as(app, analyst)('GET', '/api/rules')).json().rows;
    const rmm = rules.find((r: { id: string }) => r.id === 'endpoint.rmm.present');
    expect(rmm).toMatchObject({ findings: 1, subjects: 1 });
    await store.db
      .insertInto('ingest_runs')
      .values({ id: 'r1', started_at: '2026-11-01T00:00:00Z', finished_at: '2026-11-01T00:01:00Z', target: '/data', stats: '{}' })
      .execute();
    await store.db
      .insertInto('ingest_files')
      .values({ id: 'if1', run_id: 'r1', file: 'okta/a.json', source: 'okta', records_read: 10, accepted: 9, rejected: 1, duplicates: 0, unmatched_people: 0, unmatched_devices: 0, bytes: 100, finished_at: '2026-11-01T00:01:00Z' })
      .execute();
    await store.db
      .insertInto('quarantine')
      .values({ id: 'q1', source: 'okta', file: 'okta/a.json', line: 3, reason: 'not JSON', raw: '{bad alice@corp.example', ingest_run_id: 'r1', created_at: '2026-11-01T00:01:00Z' })
      .execute();
    const sources = (await as(app, analyst)('GET', '/api/data/sources')).json().rows;
    expect(sources).toEqual([{ source: 'okta', files: 1, records_read: 10, accepted: 9, rejected: 1, quarantined: 1, last_ingest: '2026-11-01T00:01:00Z' }]);
    const runs = (await as(app, analyst)('GET', '/api/data/ingest-runs')).json().rows;
    expect(runs[0].files[0]).toMatchObject({ file: 'okta/a.json', accepted: 9 });
    expect((await as(app, analyst)('GET', '/api/data/quarantine')).json().rows[0]).toMatchObject({ line: 3, reason: 'not JSON', raw: '{bad alice@corp.example' });
    expect((await as(app, viewer)('GET', '/api/data/quarantine')).json().rows[0].raw).not.toContain('alice');
  });

  it('summarises the overview', async () => {
    const o = (await as(app, viewer)('GET', '/api/overview')).json();
    expect(o.people).toMatchObject({ total: 3, levels: { critical: 1, medium: 1 } });
    expect(o.top_people[0].id).toBe(ALICE);
    expect(o.top_clusters[0].id).toBe('K1');
  });
});
