/**
 * Saving and reading the canonical records. Saves of observations are insert-or-ignore on a
 * stable id (re-ingesting adds nothing twice); saves of reference data (people, devices) and of
 * derived results (findings, scores, clusters) replace what was there.
 */
import * as m from '../../model/index.js';
import { insertIgnore, upsert } from '../bulk.js';
import type { Store } from '../db.js';
import * as map from '../mappers.js';

export async function savePeople(store: Store, people: m.Person[]): Promise<number> {
  const now = new Date().toISOString();
  return upsert(store, 'people', ['id'], people.map((p) => map.personRow(p, now)));
}
export async function getPerson(store: Store, id: string): Promise<m.Person | undefined> {
  const r = await store.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return r && map.personFromRow(r);
}
export async function listPeople(store: Store): Promise<m.Person[]> {
  return (await store.db.selectFrom('people').selectAll().orderBy('id').execute()).map(map.personFromRow);
}

export async function saveIdentifiers(store: Store, ids: m.Identifier[]): Promise<number> {
  return insertIgnore(store, 'identifiers', ids.map(map.identifierRow));
}
export async function listIdentifiers(store: Store, personId?: string): Promise<m.Identifier[]> {
  let q = store.db.selectFrom('identifiers').selectAll();
  if (personId) q = q.where('person_id', '=', personId);
  return (await q.orderBy('id').execute()).map(map.identifierFromRow);
}

export async function saveDevices(store: Store, devices: m.Device[]): Promise<number> {
  return upsert(store, 'devices', ['serial'], devices.map(map.deviceRow));
}
export async function listDevices(store: Store): Promise<m.Device[]> {
  return (await store.db.selectFrom('devices').selectAll().orderBy('serial').execute()).map(map.deviceFromRow);
}

export async function saveSignIns(store: Store, rows: m.SignIn[]): Promise<number> {
  return insertIgnore(store, 'signins', rows.map(map.signInRow));
}
export async function listSignIns(store: Store, personId?: string): Promise<m.SignIn[]> {
  let q = store.db.selectFrom('signins').selectAll();
  if (personId) q = q.where('person_id', '=', personId);
  return (await q.orderBy('occurred_at').orderBy('id').execute()).map(map.signInFromRow);
}

export async function saveEndpointRows(store: Store, rows: m.EndpointRow[]): Promise<number> {
  return insertIgnore(store, 'endpoint_rows', rows.map(map.endpointRowRow));
}
export async function listEndpointRows(store: Store): Promise<m.EndpointRow[]> {
  return (await store.db.selectFrom('endpoint_rows').selectAll().orderBy('observed_at').orderBy('id').execute()).map(map.endpointRowFromRow);
}

export async function saveNetConnections(store: Store, rows: m.NetConnection[]): Promise<number> {
  return insertIgnore(store, 'net_connections', rows.map(map.netConnectionRow));
}
export async function listNetConnections(store: Store): Promise<m.NetConnection[]> {
  return (await store.db.selectFrom('net_connections').selectAll().orderBy('occurred_at').orderBy('id').execute()).map(map.netConnectionFromRow);
}

export async function savePayAccounts(store: Store, rows: m.PayAccount[]): Promise<number> {
  return insertIgnore(store, 'pay_accounts', rows.map(map.payAccountRow));
}
export async function listPayAccounts(store: Store): Promise<m.PayAccount[]> {
  return (await store.db.selectFrom('pay_accounts').selectAll().orderBy('person_id').orderBy('effective_date').execute()).map(map.payAccountFromRow);
}

export async function savePayments(store: Store, rows: m.Payment[]): Promise<number> {
  return insertIgnore(store, 'payments', rows.map(map.paymentRow));
}
export async function listPayments(store: Store): Promise<m.Payment[]> {
  return (await store.db.selectFrom('payments').selectAll().orderBy('paid_at').orderBy('id').execute()).map(map.paymentFromRow);
}

export async function saveShipments(store: Store, rows: m.Shipment[]): Promise<number> {
  return upsert(store, 'shipments', ['id'], rows.map(map.shipmentRow));
}
export async function listShipments(store: Store): Promise<m.Shipment[]> {
  return (await store.db.selectFrom('shipments').selectAll().orderBy('id').execute()).map(map.shipmentFromRow);
}

/** Replace all findings of the given rules (a re-run replaces, never duplicates), then store the new ones. */
export async function replaceFindings(store: Store, ruleIds: string[], findings: m.Finding[]): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const tx = { ...store, db: trx };
    for (let i = 0; i < ruleIds.length; i += 500) {
      await trx.deleteFrom('findings').where('rule_id', 'in', ruleIds.slice(i, i + 500)).execute();
    }
    await upsert(tx, 'findings', ['id'], findings.map(map.findingRow));
  });
}
export async function listFindings(store: Store, subject?: { type: m.SubjectType; id: string }): Promise<m.Finding[]> {
  let q = store.db.selectFrom('findings').selectAll();
  if (subject) q = q.where('subject_type', '=', subject.type).where('subject_id', '=', subject.id);
  return (await q.orderBy('rule_id').orderBy('id').execute()).map(map.findingFromRow);
}

/** Replace every cluster: clusters are recomputed as a whole on each run. */
export async function replaceClusters(store: Store, clusters: m.Cluster[]): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const tx = { ...store, db: trx };
    await trx.deleteFrom('cluster_members').execute();
    await trx.deleteFrom('clusters').execute();
    await upsert(tx, 'clusters', ['id'], clusters.map(map.clusterRow));
    await upsert(tx, 'cluster_members', ['person_id'], clusters.flatMap((c) => c.person_ids.map((p) => ({ person_id: p, cluster_id: c.id }))));
  });
}
export async function listClusters(store: Store): Promise<m.Cluster[]> {
  const rows = await store.db.selectFrom('clusters').selectAll().orderBy('risk_score', 'desc').orderBy('id').execute();
  const members = await store.db.selectFrom('cluster_members').selectAll().orderBy('person_id').execute();
  const by = new Map<string, string[]>();
  for (const mm of members) (by.get(mm.cluster_id) ?? by.set(mm.cluster_id, []).get(mm.cluster_id)!).push(mm.person_id);
  return rows.map((r) => map.clusterFromRow(r, by.get(r.id) ?? []));
}

export async function saveRiskScores(store: Store, scores: m.RiskScore[]): Promise<number> {
  return upsert(store, 'risk_scores', ['subject_type', 'subject_id'], scores.map(map.riskScoreRow));
}
export async function listRiskScores(store: Store, subjectType?: m.SubjectType): Promise<m.RiskScore[]> {
  let q = store.db.selectFrom('risk_scores').selectAll();
  if (subjectType) q = q.where('subject_type', '=', subjectType);
  return (await q.orderBy('score', 'desc').orderBy('subject_id').execute()).map(map.riskScoreFromRow);
}

export async function saveCases(store: Store, cases: m.CaseRecord[]): Promise<number> {
  return upsert(store, 'cases', ['id'], cases.map(map.caseRow));
}
export async function listCases(store: Store): Promise<m.CaseRecord[]> {
  return (await store.db.selectFrom('cases').selectAll().orderBy('created_at').execute()).map(map.caseFromRow);
}

/** Feedback is append-only: a later decision supersedes an earlier one, nothing is deleted. */
export async function addFeedback(store: Store, f: m.Feedback): Promise<void> {
  await insertIgnore(store, 'feedback', [map.feedbackRow(f)]);
}
export async function listFeedback(store: Store): Promise<m.Feedback[]> {
  return (await store.db.selectFrom('feedback').selectAll().orderBy('decided_at').orderBy('id').execute()).map(map.feedbackFromRow);
}

export async function saveQuarantined(store: Store, rows: m.Quarantined[]): Promise<number> {
  return insertIgnore(store, 'quarantine', rows.map(map.quarantineRow));
}
export async function listQuarantined(store: Store, file?: string): Promise<m.Quarantined[]> {
  let q = store.db.selectFrom('quarantine').selectAll();
  if (file) q = q.where('file', '=', file);
  return (await q.orderBy('file').orderBy('line').execute()).map(map.quarantineFromRow);
}
