/**
 * People schemas. The response schemas are the allow-list of what leaves the server: fields not
 * named here (date of birth, resume text, photo hashes, raw identifier hashes) are never
 * serialised, whatever a query returns.
 */
import { Type } from '@sinclair/typebox';
import { Contribution, FindingOut, Nullable, Paging } from './common.js';
import { SORT_KEYS } from '../services/people-index.js';

const S = Type.String();
const NS = Nullable(Type.String());
const NN = Nullable(Type.Number());

export const PeopleQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'search in name, id, work email, department, title, agency' })),
  level: Type.Optional(Type.String({ description: 'comma-separated risk levels: critical,high,medium,low,unscored' })),
  rule: Type.Optional(Type.String({ maxLength: 200, description: 'only people a rule fired on' })),
  department: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(Type.Union([Type.Literal('employee'), Type.Literal('contractor'), Type.Literal('candidate')])),
  cluster: Type.Optional(Type.String({ maxLength: 200 })),
  sort: Type.Union(SORT_KEYS.map((k) => Type.Literal(k)), { default: 'score' }),
  order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'desc' }),
  ...Paging,
});

export const PersonRow = Type.Object({
  id: S,
  source_id: S,
  kind: S,
  full_name: S,
  work_email: NS,
  department: NS,
  title: NS,
  score: NN,
  level: NS,
  rules: Type.Array(S),
  cluster_id: NS,
});

export const PeoplePage = Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), rows: Type.Array(PersonRow) });

export const PeopleFacets = Type.Object({
  levels: Type.Record(S, Type.Integer()),
  kinds: Type.Record(S, Type.Integer()),
  departments: Type.Array(Type.Object({ value: S, n: Type.Integer() })),
  rules: Type.Array(Type.Object({ value: S, n: Type.Integer() })),
  total: Type.Integer(),
  built_at: S,
});

const Place = { lat: NN, lon: NN, geo_source: NS, mail_service: NS };
const Address = Type.Object({ street: NS, city: NS, region: NS, postal_code: NS, country: NS, ...Place });

export const PersonDetail = Type.Object({
  person: Type.Object({
    id: S,
    source_id: S,
    kind: S,
    full_name: S,
    work_email: NS,
    personal_email: NS,
    phone: NS,
    home: Address,
    timezone: NS,
    agency: NS,
    title: NS,
    department: NS,
    manager_id: NS,
    hire_date: NS,
    end_date: NS,
    applied_at: NS,
    position: NS,
    hired_person_id: NS,
    referred_by: NS,
    interview_flags: Type.Array(S),
    profile_urls: Type.Array(S),
  }),
  score: Nullable(Type.Object({ score: Type.Number(), level: S, explanation: Type.Array(Contribution) })),
  findings: Type.Array(FindingOut),
  identifiers: Type.Array(Type.Object({ type: S, value: S, source: S, first_seen: NS, last_seen: NS, shared_with: Type.Integer() })),
  signins: Type.Object({
    total: Type.Integer(),
    failures: Type.Integer(),
    first: NS,
    last: NS,
    ips: Type.Array(
      Type.Object({
        ip: NS,
        n: Type.Integer(),
        failures: Type.Integer(),
        first: S,
        last: S,
        country: NS,
        city: NS,
        lat: NN,
        lon: NN,
        class: NS,
        provider: NS,
        asn: NN,
        as_org: NS,
        located_by: NS,
      }),
    ),
    countries: Type.Array(Type.Object({ country: S, n: Type.Integer() })),
    recent: Type.Array(
      Type.Object({ occurred_at: S, source: S, user_name: S, ip: NS, outcome: S, country: NS, city: NS, class: NS, user_agent: NS }),
    ),
  }),
  shipments: Type.Array(
    Type.Object({ id: S, shipped_at: NS, status: NS, device_serial: NS, asset_tag: NS, street: NS, city: NS, region: NS, postal_code: NS, country: NS, ...Place }),
  ),
  devices: Type.Array(
    Type.Object({
      serial: S,
      hostname: NS,
      platform: NS,
      enrolled_at: NS,
      assigned_to_person: Type.Boolean(),
      remote_access: Type.Array(Type.Object({ name: S, seen_as: S, table: S, last_seen: S })),
      usb: Type.Array(Type.Object({ vendor: NS, model: NS, vendor_id: NS, model_id: NS, last_seen: S })),
      findings: Type.Integer(),
    }),
  ),
  pay_accounts: Type.Array(
    Type.Object({ id: S, effective_date: S, method: S, bank_name: NS, bank_country: NS, account: NS, iban: NS, wallet: NS, account_holder: NS }),
  ),
  cluster: Nullable(Type.Object({ id: S, risk_score: Type.Number(), risk_level: S, size: Type.Integer() })),
  linked: Type.Array(
    Type.Object({ id: S, full_name: S, kind: NS, score: NN, level: NS, link_kind: S, link_score: Type.Number(), reasons: Type.Array(S) }),
  ),
  cases: Type.Array(Type.Object({ id: S, title: S, status: S, resolution: NS, assignee: NS, updated_at: S })),
  attribution: Type.Array(S),
});
