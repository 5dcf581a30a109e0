/**
 * Queries of the link and score stages: the per-person aggregates the linker reads (so its memory
 * is bounded by people and distinct values, never by events), and the derived tables it replaces
 * as a whole on each run (identifiers, links, cluster evidence, risk scores).
 */
import { sql } from 'kysely';
import type * as m from '../../model/index.js';
import { insertIgnore, upsert } from '../bulk.js';
import type { Store } from '../db.js';
import * as map from '../mappers.js';

export interface PayDestinationRow {
  person_id: string;
  type: 'pay_account' | 'iban' | 'wallet';
  hash: string;
  last4: string | null;
  first_seen: string | null;
  last_seen: string | null;
  source: string;
}

const SEALED = [
  ['account', 'pay_account'],
  ['iban', 'iban'],
  ['wallet', 'wallet'],
] as const;

/** Every distinct (person, pay destination) from pay_accounts and payments, with when it was used. */
export async function listPayDestinations(store: Store): Promise<PayDestinationRow[]> {
  const out: PayDestinationRow[] = [];
  for (const [col, type] of SEALED) {
    const hash = sql.ref<string>(`${col}_hash`);
    const last4 = sql.ref<string | null>(`${col}_last4`);
    const fromAccounts = await store.db
      .selectFrom('pay_accounts')
      .select((eb) => ['person_id', hash.as('hash'), eb.fn.max(last4).as('last4'), eb.fn.min('effective_date').as('first_seen'), eb.fn.max('effective_date').as('last_seen')])
      .where(hash, 'is not', null)
      .groupBy(['person_id', hash])
      .execute();
    for (const r of fromAccounts) out.push({ person_id: r.person_id, type, hash: r.hash, last4: (r.last4 as string | null) ?? null, first_seen: r.first_seen, last_seen: r.last_seen, source: 'pay_accounts' });
    const fromPayments = await store.db
      .selectFrom('payments')
      .select((eb) => ['person_id', hash.as('hash'), eb.fn.max(last4).as('last4'), eb.fn.min('paid_at').as('first_seen'), eb.fn.max('paid_at').as('last_seen')])
      .where(hash, 'is not', null)
      .groupBy(['person_id', hash])
      .execute();
    for (const r of fromPayments) out.push({ person_id: r.person_id, type, hash: r.hash, last4: (r.last4 as string | null) ?? null, first_seen: r.first_seen, last_seen: r.last_seen, source: 'payments' });
  }
  return out;
}

export interface SignInValueRow {
  person_id: string;
  type: 'ip' | 'mfa_device' | 'device_fingerprint';
  value: string;
  first_seen: string | null;
  last_seen: string | null;
  count: number;
}

/**
 * Distinct (person, IP / MFA device / device fingerprint) of successful sign-ins, with the window
 * of use. Failed sign-ins are left out: a password-spraying IP would otherwise "link" its victims.
 */
export async function listSignInValues(store: Store): Promise<SignInValueRow[]> {
  const out: SignInValueRow[] = [];
  for (const type of ['ip', 'mfa_device', 'device_fingerprint'] as const) {
    const rows = await store.db
      .selectFrom('signins')
      .select((eb) => ['person_id', eb.ref(type).as('value'), eb.fn.min('occurred_at').as('first_seen'), eb.fn.max('occurred_at').as('last_seen'), eb.fn.countAll<number>().as('count')])
      .where('person_id', 'is not', null)
      .where(type, 'is not', null)
      .where('outcome', '=', 'success')
      .groupBy(['person_id', type])
      .execute();
    for (const r of rows) out.push({ person_id: r.person_id!, type, value: r.value!, first_seen: r.first_seen, last_seen: r.last_seen, count: Number(r.count) });
  }
  return out;
}

/** The identifiers table is derived from the records: each link run rewrites it. */
export async function replaceIdentifiers(store: Store, ids: m.Identifier[]): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('identifiers').execute();
    await insertIgnore({ ...store, db: trx }, 'identifiers', ids.map(map.identifierRow));
  });
}

export interface LinkRow {
  id: string;
  person_a: string;
  person_b: string;
  kind: string;
  score: number;
  reasons: unknown;
}

export async function replaceLinks(store: Store, links: LinkRow[], runId: string | null): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('links').execute();
    await upsert(
      { ...store, db: trx },
      'links',
      ['id'],
      links.map((l) => ({ id: l.id, person_a: l.person_a, person_b: l.person_b, kind: l.kind, score: l.score, reasons: JSON.stringify(l.reasons), run_id: runId })),
    );
  });
}

export async function listLinks(store: Store, personId?: string): Promise<LinkRow[]> {
  let q = store.db.selectFrom('links').selectAll();
  if (personId) q = q.where((eb) => eb.or([eb('person_a', '=', personId), eb('person_b', '=', personId)]));
  const rows = await q.orderBy('score', 'desc').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, person_a: r.person_a, person_b: r.person_b, kind: r.kind, score: r.score, reasons: JSON.parse(r.reasons) as unknown }));
}

export interface ClusterEvidenceRow {
  cluster_id: string;
  fingerprint: string;
  shared: unknown;
  aliases: unknown;
}

export async function replaceClusterEvidence(store: Store, rows: ClusterEvidenceRow[], runId: string | null): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('cluster_evidence').execute();
    await upsert(
      { ...store, db: trx },
      'cluster_evidence',
      ['cluster_id'],
      rows.map((r) => ({ cluster_id: r.cluster_id, fingerprint: r.fingerprint, shared: JSON.stringify(r.shared), aliases: JSON.stringify(r.aliases), run_id: runId })),
    );
  });
}

export async function listClusterEvidence(store: Store): Promise<ClusterEvidenceRow[]> {
  const rows = await store.db.selectFrom('cluster_evidence').selectAll().orderBy('cluster_id').execute();
  return rows.map((r) => ({ cluster_id: r.cluster_id, fingerprint: r.fingerprint, shared: JSON.parse(r.shared) as unknown, aliases: JSON.parse(r.aliases) as unknown }));
}

/** Scores of people and clusters are recomputed as a whole: stale ones (a person since removed) go. */
export async function replaceRiskScores(store: Store, scores: m.RiskScore[], clusterScores: Array<Pick<m.Cluster, 'id' | 'risk_score' | 'risk_level' | 'explanation'>>): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const tx = { ...store, db: trx };
    await trx.deleteFrom('risk_scores').where('subject_type', 'in', ['person', 'cluster']).execute();
    await upsert(tx, 'risk_scores', ['subject_type', 'subject_id'], scores.map(map.riskScoreRow));
    for (const c of clusterScores) {
      await trx
        .updateTable('clusters')
        .set({ risk_score: c.risk_score, risk_level: c.risk_level, explanation: JSON.stringify(c.explanation ?? []) })
        .where('id', '=', c.id)
        .execute();
    }
  });
}

export async function addFeedbackEvidence(store: Store, feedbackId: string, fingerprints: string[]): Promise<void> {
  await insertIgnore(store, 'feedback_evidence', [...new Set(fingerprints)].map((fingerprint) => ({ feedback_id: feedbackId, fingerprint })));
}

export async function listFeedbackEvidence(store: Store): Promise<Map<string, string[]>> {
  const rows = await store.db.selectFrom('feedback_evidence').selectAll().orderBy('feedback_id').orderBy('fingerprint').execute();
  const out = new Map<string, string[]>();
  for (const r of rows) (out.get(r.feedback_id) ?? out.set(r.feedback_id, []).get(r.feedback_id)!).push(r.fingerprint);
  return out;
}

export async function getFinding(store: Store, id: string): Promise<m.Finding | undefined> {
  const r = await store.db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
  return r && map.findingFromRow(r);
}

export async function startScanRun(store: Store, run: { id: string; started_at: string; target: string | null; config_hash: string | null }): Promise<void> {
  await store.db.insertInto('scan_runs').values({ ...run, finished_at: null, stats: '{}' }).execute();
}

export async function finishScanRun(store: Store, id: string, stats: unknown): Promise<void> {
  await store.db.updateTable('scan_runs').set({ finished_at: new Date().toISOString(), stats: JSON.stringify(stats) }).where('id', '=', id).execute();
}

export async function latestScanRun(store: Store): Promise<{ id: string; started_at: string; finished_at: string | null; target: string | null; config_hash: string | null; stats: unknown } | undefined> {
  const r = await store.db.selectFrom('scan_runs').selectAll().orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  return r && { ...r, stats: JSON.parse(r.stats) as unknown };
}
