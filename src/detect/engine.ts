/**
 * The rule engine: checks the `detect:` configuration against the catalog, runs the selected
 * rules (streaming the sign-in and inventory tables once for all rules that read them), applies
 * severity overrides and exemptions, gives every finding a stable id and stores the findings,
 * replacing those of the same rules from earlier runs.
 *
 * "Now" is data-relative by default: the latest observation in the store, so the same data gives
 * the same findings whenever it is run. Exemption expiry is an administrative date and is checked
 * against the calendar (`today`).
 */
import { ConfigError, type UnmaskConfig } from '../config/config.js';
import { contentId, type Finding, type Severity } from '../model/index.js';
import type { Store } from '../store/db.js';
import { endpointRowsByDevice, findingsExcept, latestObservation, signInsByPerson } from '../store/repositories/detect.js';
import { replaceFindings } from '../store/repositories/records.js';
import type { Logger } from '../util/log.js';
import { allRules } from './catalog.js';
import { DetectData, toPersonKey } from './data.js';
import { DEVICE_TABLES, toDeviceRows, toPersonSignIns } from './define.js';
import type { FindingDraft, Rule, RuleContext, RuleParam } from './rule.js';

export interface DetectOptions {
  log: Logger;
  /** The run's "now"; default: the latest observation in the store. */
  now?: Date;
  /** Only these rules (default: every enabled rule). */
  ruleIds?: string[];
  /** The calendar day exemptions are checked against (default: today). */
  today?: Date;
  runId?: string;
  /** Rules to run instead of the catalog (tests). */
  rules?: Rule[];
}

export interface RuleReport {
  id: string;
  findings: number;
  exempted: number;
  seconds: number;
  error?: string;
}

export interface DetectionReport {
  run_id: string;
  now: string;
  rules: RuleReport[];
  findings: number;
  exempted: number;
  /** Disabled rules whose earlier findings were removed. */
  disabled: string[];
  seconds: number;
}

type ParamValue = RuleParam['default'];

function sameKind(def: ParamValue, v: unknown): boolean {
  if (Array.isArray(def)) {
    if (!Array.isArray(v)) return false;
    const t = def.length ? typeof def[0] : null;
    return v.every((x) => (t ? typeof x === t : typeof x === 'string' || typeof x === 'number'));
  }
  return typeof v === typeof def;
}

function kindName(def: ParamValue): string {
  if (Array.isArray(def)) return def.length && typeof def[0] === 'number' ? 'a list of numbers' : 'a list of strings';
  return `a ${typeof def}`;
}

/**
 * Check `detect:` against the catalog: rule ids, parameter names and types, tool ids. Every
 * problem is reported at once, each naming its key (`detect.rules.x.params.y: ...`).
 */
export function validateDetectConfig(config: UnmaskConfig, rules: Rule[], toolIds?: Set<string>): void {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const errors: string[] = [];
  const d = config.detect;
  d.disabled_rules.forEach((id, i) => {
    if (!byId.has(id)) errors.push(`detect.disabled_rules[${i}]: unknown rule "${id}"`);
  });
  for (const [id, s] of Object.entries(d.rules)) {
    const rule = byId.get(id);
    if (!rule) {
      errors.push(`detect.rules.${id}: unknown rule "${id}"`);
      continue;
    }
    for (const [name, value] of Object.entries(s.params ?? {})) {
      const p = rule.meta.params[name];
      if (!p) errors.push(`detect.rules.${id}.params.${name}: unknown parameter (known: ${Object.keys(rule.meta.params).join(', ') || 'none'})`);
      else if (!sameKind(p.default, value)) errors.push(`detect.rules.${id}.params.${name}: expected ${kindName(p.default)}, got ${JSON.stringify(value)}`);
    }
  }
  d.exemptions.forEach((e, i) => {
    if (e.rule !== '*' && !byId.has(e.rule)) errors.push(`detect.exemptions[${i}].rule: unknown rule "${e.rule}"`);
  });
  if (toolIds) {
    d.approved_remote_access_tools.forEach((a, i) => {
      const id = typeof a === 'string' ? a : a.tool;
      if (!toolIds.has(id.toLowerCase())) errors.push(`detect.approved_remote_access_tools[${i}]: unknown tool "${id}" (see \`unmask rules tools\`)`);
    });
  }
  if (errors.length) throw new ConfigError(`invalid configuration:\n${errors.join('\n')}`, null);
}

export function ruleParams(rule: Rule, config: UnmaskConfig): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [k, p] of Object.entries(rule.meta.params)) out[k] = p.default;
  return { ...out, ...((config.detect.rules[rule.meta.id]?.params ?? {}) as Record<string, ParamValue>) };
}

export function isEnabled(rule: Rule, config: UnmaskConfig): boolean {
  const s = config.detect.rules[rule.meta.id];
  if (s?.enabled === false) return false;
  if (s?.enabled === true) return true;
  return !config.detect.disabled_rules.includes(rule.meta.id);
}

/** The exemption (active on `today`) that covers a finding, if any. */
function exemptionFor(config: UnmaskConfig, ruleId: string, d: FindingDraft, today: string) {
  const ids = new Set<string>([d.subject_id, ...(d.also_subjects ?? [])]);
  for (const e of config.detect.exemptions) {
    if (e.rule !== '*' && e.rule !== ruleId) continue;
    if (e.expires < today) continue;
    if (ids.has(e.subject) || ids.has(toPersonKey(e.subject))) return e;
  }
  return null;
}

export function findingId(ruleId: string, d: Pick<FindingDraft, 'subject_type' | 'subject_id' | 'discriminator'>): string {
  return contentId(ruleId, d.subject_type, d.subject_id, d.discriminator ?? '');
}

export async function runDetection(store: Store, config: UnmaskConfig, opts: DetectOptions): Promise<DetectionReport> {
  const t0 = performance.now();
  const log = opts.log;
  const catalog = opts.rules ?? allRules();
  const data = await new DetectData(store, config).load();
  validateDetectConfig(config, catalog, new Set(data.tools.tools.map((t) => t.id)));

  if (opts.ruleIds) {
    const known = new Set(catalog.map((r) => r.meta.id));
    const unknown = opts.ruleIds.filter((id) => !known.has(id));
    if (unknown.length) throw new Error(`unknown rule id(s): ${unknown.join(', ')} (see \`unmask rules\`)`);
  }
  const wanted = opts.ruleIds ? catalog.filter((r) => opts.ruleIds!.includes(r.meta.id)) : catalog;
  const selected = wanted.filter((r) => isEnabled(r, config));
  const disabled = wanted.filter((r) => !isEnabled(r, config)).map((r) => r.meta.id);

  const nowIso = opts.now?.toISOString() ?? (await latestObservation(store)) ?? new Date().toISOString();
  const now = new Date(nowIso);
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  const runId = opts.runId ?? `detect-${contentId(nowIso, Date.now(), Math.random())}`;
  const createdAt = new Date().toISOString();

  const drafts = new Map<string, FindingDraft[]>();
  const failed = new Map<string, string>();
  const seconds = new Map<string, number>();
  const current: Finding[] = [];
  const selectedIds = selected.map((r) => r.meta.id);
  const ctxFor = (rule: Rule): RuleContext => ({
    store,
    config,
    params: ruleParams(rule, config),
    now,
    log,
    runId,
    data,
    priorFindings: async () => [...current, ...(await findingsExcept(store, selectedIds))],
  });
  const contexts = new Map(selected.map((r) => [r.meta.id, ctxFor(r)]));
  const add = (rule: Rule, out: FindingDraft[], s: number) => {
    (drafts.get(rule.meta.id) ?? drafts.set(rule.meta.id, []).get(rule.meta.id)!).push(...out);
    seconds.set(rule.meta.id, (seconds.get(rule.meta.id) ?? 0) + s);
  };
  const fail = (rule: Rule, err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    if (!failed.has(rule.meta.id)) log.error(`rule ${rule.meta.id} failed: ${msg}`);
    failed.set(rule.meta.id, msg);
  };
  const finish = (rule: Rule) => {
    if (failed.has(rule.meta.id)) return;
    current.push(...toFindings(rule, drafts.get(rule.meta.id) ?? []).findings);
  };

  const main = selected.filter((r) => r.meta.phase !== 'late');
  const late = selected.filter((r) => r.meta.phase === 'late');

  // Rules over a table of their own.
  for (const rule of main.filter((r) => !r.perPerson && !r.perDevice)) {
    log.progress(`detect: ${rule.meta.id}`);
    const t = performance.now();
    try {
      add(rule, await rule.run(contexts.get(rule.meta.id)!), (performance.now() - t) / 1000);
    } catch (err) {
      fail(rule, err);
    }
  }

  // One pass over the sign-ins for every per-person rule.
  const personRules = main.filter((r) => r.perPerson);
  if (personRules.length) {
    let people = 0;
    for await (const g of signInsByPerson(store)) {
      const p = toPersonSignIns(data, g);
      for (const rule of personRules) {
        if (failed.has(rule.meta.id)) continue;
        const t = performance.now();
        try {
          add(rule, rule.perPerson!(contexts.get(rule.meta.id)!, p), (performance.now() - t) / 1000);
        } catch (err) {
          fail(rule, err);
        }
      }
      if (++people % 1000 === 0) log.progress(`detect: sign-ins of ${people} people`);
    }
  }

  // One pass over the endpoint inventory for every per-device rule.
  const deviceRules = main.filter((r) => r.perDevice);
  if (deviceRules.length) {
    for await (const g of endpointRowsByDevice(store, DEVICE_TABLES)) {
      const d = toDeviceRows(data, g);
      for (const rule of deviceRules) {
        if (failed.has(rule.meta.id)) continue;
        const t = performance.now();
        try {
          add(rule, rule.perDevice!(contexts.get(rule.meta.id)!, d), (performance.now() - t) / 1000);
        } catch (err) {
          fail(rule, err);
        }
      }
    }
  }
  main.forEach(finish);

  for (const rule of late) {
    const t = performance.now();
    try {
      add(rule, await rule.run(contexts.get(rule.meta.id)!), (performance.now() - t) / 1000);
    } catch (err) {
      fail(rule, err);
    }
  }
  log.done();

  function toFindings(rule: Rule, list: FindingDraft[]): { findings: Finding[]; exempted: number } {
    const findings = new Map<string, Finding>();
    let exempted = 0;
    const override = config.detect.rules[rule.meta.id]?.severity as Severity | undefined;
    for (const d of list) {
      if (exemptionFor(config, rule.meta.id, d, today)) {
        exempted++;
        continue;
      }
      const id = findingId(rule.meta.id, d);
      if (findings.has(id)) continue;
      findings.set(id, {
        id,
        rule_id: rule.meta.id,
        severity: override ?? d.severity ?? rule.meta.severity,
        subject_type: d.subject_type,
        subject_id: d.subject_id,
        summary: d.summary,
        evidence: d.evidence,
        fact_keys: [...new Set(d.fact_keys)],
        first_seen: d.first_seen ?? null,
        last_seen: d.last_seen ?? null,
        run_id: runId,
        created_at: createdAt,
      });
    }
    return { findings: [...findings.values()], exempted };
  }

  const reports: RuleReport[] = [];
  const all: Finding[] = [];
  let exemptedTotal = 0;
  for (const rule of selected) {
    const id = rule.meta.id;
    const { findings, exempted } = failed.has(id) ? { findings: [], exempted: 0 } : toFindings(rule, drafts.get(id) ?? []);
    all.push(...findings);
    exemptedTotal += exempted;
    reports.push({ id, findings: findings.length, exempted, seconds: seconds.get(id) ?? 0, ...(failed.has(id) ? { error: failed.get(id) } : {}) });
  }
  // A failed rule keeps its earlier findings; a disabled one loses them.
  const replaced = [...selected.filter((r) => !failed.has(r.meta.id)).map((r) => r.meta.id), ...disabled];
  await replaceFindings(store, replaced, all);
  for (const e of config.detect.exemptions) if (e.expires < today) log.warn(`exemption of ${e.subject} from ${e.rule} expired on ${e.expires} and no longer applies`);

  return {
    run_id: runId,
    now: nowIso,
    rules: reports,
    findings: all.length,
    exempted: exemptedTotal,
    disabled,
    seconds: (performance.now() - t0) / 1000,
  };
}
