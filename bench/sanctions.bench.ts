/**
 * Sanctions screening: quality and speed against the full shared OFAC SDN and UN lists.
 *
 * Quality: a labelled set the bench generates from the lists themselves. Positives are listed
 * names written another way (reordered, hyphenated or joined, another romanisation scheme or
 * Korean surname spelling, Hangul script, a typo, a dropped middle name, an alias); negatives are
 * hard (a listed surname with other given names, ordinary Korean names) or random realistic names
 * from several cultures. Precision and recall are printed at the default threshold (and a few
 * others), for the matcher and for a plain exact-token baseline.
 *
 * Speed: 100,000 generated names screened one at a time on one core: names per second and the
 * 99th-percentile time per name, beside an exact-token lookup loop measured in the same run.
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { nameTokens, normalizeName } from '../src/enrich/names.js';
import { FINALS, HANGUL_BASE, INITIALS, MEDIALS } from '../src/enrich/data/names/hangul.js';
import { KOREAN_SURNAMES } from '../src/enrich/data/names/korean-surnames.js';
import { loadOfac } from '../src/sanctions/loaders/ofac.js';
import { loadUn } from '../src/sanctions/loaders/un.js';
import { DEFAULT_THRESHOLD, SanctionsIndex, type IndexableEntry } from '../src/sanctions/matcher.js';
import { fmt, peakRssMb, time } from './util.js';

const DATA = resolve(process.cwd(), '../shared/data/sanctions');

function rng(seed: number): () => number {
  // mulberry32: small, seeded, reproducible.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = {
  en: ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'William', 'Linda', 'David', 'Elizabeth', 'Richard', 'Susan', 'Joseph', 'Karen', 'Thomas', 'Emily', 'Daniel', 'Sarah', 'Matthew', 'Olivia', 'Andrew', 'Grace', 'Ryan', 'Hannah'],
  es: ['Jose', 'Maria', 'Juan', 'Carmen', 'Luis', 'Ana', 'Carlos', 'Lucia', 'Javier', 'Elena', 'Miguel', 'Sofia', 'Diego', 'Paula', 'Andres', 'Valentina'],
  ar: ['Omar', 'Fatima', 'Youssef', 'Layla', 'Khaled', 'Noor', 'Tariq', 'Samira', 'Hamza', 'Amina', 'Karim', 'Rania', 'Bilal', 'Huda'],
  ru: ['Dmitri', 'Olga', 'Sergei', 'Irina', 'Andrei', 'Natalia', 'Pavel', 'Svetlana', 'Nikolai', 'Tatiana', 'Mikhail', 'Yulia'],
  zh: ['Wei', 'Fang', 'Lei', 'Jing', 'Hao', 'Min', 'Qiang', 'Yan', 'Jun', 'Xiu', 'Tao', 'Ling'],
  in: ['Arjun', 'Priya', 'Rahul', 'Ananya', 'Vikram', 'Divya', 'Sanjay', 'Kavya', 'Rohan', 'Meera'],
};
const LAST = {
  en: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young', 'Allen', 'Wright'],
  es: ['Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres', 'Flores', 'Rivera', 'Gomez', 'Diaz'],
  ar: ['Haddad', 'Nasser', 'Khoury', 'Saleh', 'Mansour', 'Aziz', 'Farouk', 'Hakim', 'Jaber', 'Karam', 'Rashid', 'Sabri'],
  ru: ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Sokolov', 'Lebedev', 'Kozlov', 'Novikov', 'Morozov', 'Volkov'],
  zh: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun'],
  in: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Joshi'],
};
const KOREAN_GIVEN = ['min', 'jun', 'seo', 'yeon', 'ji', 'hoon', 'ha', 'eun', 'woo', 'jin', 'soo', 'hyun', 'young', 'ho', 'na', 'yu', 'bin', 'won', 'hee', 'kyung', 'sung', 'dong', 'jae', 'hye'];
const KOREAN_SURNAME_SAMPLE = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang', 'Ahn', 'Song'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const cap = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w);

/** Latin syllable (DPRK/MR spelling) → a Hangul syllable that reads so; surnames from the surname table. */
function reverseHangul(): { syllable: Map<string, string>; surname: Map<string, string> } {
  const syllable = new Map<string, string>();
  for (let code = 0; code < 11172; code++) {
    const ini = Math.floor(code / 588);
    const med = Math.floor((code % 588) / 28);
    const fin = code % 28;
    for (const scheme of ['DPRK', 'MR'] as const) {
      const latin = INITIALS[scheme][ini]! + MEDIALS[scheme][med]! + FINALS[fin]!;
      if (!syllable.has(latin)) syllable.set(latin, String.fromCharCode(HANGUL_BASE + code));
    }
  }
  const surname = new Map<string, string>();
  for (const s of KOREAN_SURNAMES) for (const l of s.latin) if (!surname.has(l.toLowerCase())) surname.set(l.toLowerCase(), s.hangul[s.hangul.length - 1]!);
  return { syllable, surname };
}

/** Other spellings of a romanised Korean syllable, as other schemes and common usage write it. */
const SYLLABLE_VARIANTS: Array<[RegExp, string]> = [
  [/^yong$/, 'young'],
  [/^yong$/, 'yeong'],
  [/chol$/, 'cheol'],
  [/chol$/, 'chul'],
  [/^jong$/, 'jeong'],
  [/^jong$/, 'jung'],
  [/^song$/, 'sung'],
  [/^un$/, 'eun'],
  [/^hyok$/, 'hyeok'],
  [/^myong$/, 'myung'],
  [/^kwang$/, 'gwang'],
  [/^kyong$/, 'kyung'],
  [/^sok$/, 'seok'],
  [/^chon$/, 'cheon'],
  [/^hun$/, 'hoon'],
  [/^su$/, 'soo'],
  [/^nam$/, 'nahm'],
];
const SURNAME_SWAPS: Record<string, string[]> = { ri: ['lee', 'rhee', 'yi'], pak: ['park', 'bak'], choe: ['choi'], jong: ['jung', 'chung'], kim: ['gim'], ryu: ['yoo', 'yu'], o: ['oh'], rim: ['lim', 'im'], ro: ['roh', 'noh'], han: ['hahn'], kang: ['gang'] };

interface Labelled {
  query: string;
  /** The entry the query was made from; null for a negative. */
  target: string | null;
  category: string;
}

function isKoreanStyle(e: IndexableEntry): boolean {
  return e.entity_type === 'person' && e.programs.some((p) => /DPRK|NPWMD/.test(p));
}

/** Surname and given names of a listed person: `SURNAME, Given Names` or UN's `SURNAME GIVEN` for DPRK entries. */
function splitPerson(name: string, korean: boolean): { surname: string[]; given: string[] } | null {
  const [a, b] = name.split(',');
  if (b !== undefined) return { surname: nameTokens(a!), given: nameTokens(b) };
  const t = nameTokens(name);
  if (t.length < 2) return null;
  return korean ? { surname: [t[0]!], given: t.slice(1) } : { surname: [t[t.length - 1]!], given: t.slice(0, -1) };
}

function typo(r: () => number, w: string): string {
  const i = 1 + Math.floor(r() * (w.length - 2));
  const ops = [
    () => w.slice(0, i) + w.slice(i + 1),
    () => w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2),
    () => w.slice(0, i) + pick(r, [...'aeioulnrst']) + w.slice(i + 1),
  ];
  return pick(r, ops)();
}

function labelledSet(entries: IndexableEntry[], seed = 7): Labelled[] {
  const r = rng(seed);
  const out: Labelled[] = [];
  const rev = reverseHangul();
  const listedKeys = new Set(entries.flatMap((e) => e.names.map((n) => nameTokens(n.name).sort().join(' '))));
  const isListed = (q: string) => listedKeys.has(nameTokens(q).sort().join(' '));
  const people = entries.filter((e) => e.entity_type === 'person');
  const korean = people.filter(isKoreanStyle);

  for (let k = 0; k < 1200; k++) {
    const e = k % 3 === 0 ? pick(r, korean) : pick(r, people);
    const ko = isKoreanStyle(e);
    const parts = splitPerson(e.primary_name, ko);
    if (!parts || !parts.given.length) continue;
    const given = parts.given.map(cap);
    const sur = parts.surname.map((s) => s.toUpperCase());
    const kind = k % 7;
    let q: string | null = null;
    let category = '';
    if (kind === 0) [q, category] = [`${given.join(' ')} ${sur.join(' ')}`, 'reordered'];
    else if (kind === 1) [q, category] = [`${given.join('-')} ${cap(sur.join(' '))}`, 'hyphenated'];
    else if (kind === 2 && ko) {
      // Another scheme's spelling of one syllable, or another spelling of the surname.
      const g = parts.given.map((t) => t.toLowerCase());
      const swaps = SURNAME_SWAPS[parts.surname[0]!.toLowerCase()];
      if (swaps && r() < 0.5) [q, category] = [`${cap(pick(r, swaps))} ${g.map(cap).join(' ')}`, 'Korean surname variant'];
      else {
        const v = SYLLABLE_VARIANTS.filter(([re]) => g.some((t) => re.test(t)));
        if (v.length) {
          const [re, to] = pick(r, v);
          [q, category] = [`${cap(parts.surname[0]!)} ${g.map((t) => (re.test(t) ? t.replace(re, to) : t)).map(cap).join(' ')}`, 'romanisation variant'];
        }
      }
    } else if (kind === 3 && ko) {
      const hs = rev.surname.get(parts.surname[0]!.toLowerCase());
      const hg = parts.given.map((t) => rev.syllable.get(t.toLowerCase()));
      if (hs && hg.every(Boolean)) [q, category] = [hs + hg.join(''), 'Hangul script'];
    } else if (kind === 4) {
      const all = [...parts.given, ...parts.surname];
      const longest = all.reduce((a, b) => (b.length > a.length ? b : a));
      if (longest.length >= 6) [q, category] = [all.map((t) => (t === longest ? typo(r, t.toLowerCase()) : t)).map(cap).join(' '), 'typo'];
    } else if (kind === 5 && parts.given.length >= 2 && !ko) {
      [q, category] = [`${given[0]} ${sur.map(cap).join(' ')}`, 'dropped middle name'];
    } else if (kind === 6) {
      const alias = e.names.find((n) => n.kind === 'aka' && n.name !== e.primary_name);
      if (alias) [q, category] = [normalizeName(alias.name), 'alias'];
    }
    if (q) out.push({ query: q, target: e.id, category });
  }

  const cultures = Object.keys(FIRST) as Array<keyof typeof FIRST>;
  for (let k = 0; k < 1500; k++) {
    let q: string;
    let category: string;
    if (k % 3 === 0) {
      // A listed person's surname with other given names.
      const e = pick(r, people);
      const parts = splitPerson(e.primary_name, isKoreanStyle(e));
      if (!parts) continue;
      const given = isKoreanStyle(e) ? `${cap(pick(r, KOREAN_GIVEN))} ${cap(pick(r, KOREAN_GIVEN))}` : `${pick(r, FIRST[pick(r, cultures)])}`;
      q = `${given} ${parts.surname.map(cap).join(' ')}`;
      category = 'same surname, other person';
    } else if (k % 3 === 1) {
      q = `${pick(r, KOREAN_SURNAME_SAMPLE)} ${cap(pick(r, KOREAN_GIVEN))}-${pick(r, KOREAN_GIVEN)}`;
      category = 'ordinary Korean name';
    } else {
      const c = pick(r, cultures);
      q = `${pick(r, FIRST[c])} ${pick(r, LAST[c])}`;
      category = 'random realistic name';
    }
    if (!isListed(q)) out.push({ query: q, target: null, category });
  }
  return out;
}

interface Outcome {
  tp: number;
  fp: number;
  fn: number;
}

function evaluate(set: Labelled[], results: Array<Array<{ id: string; score: number; sameName: boolean }>>, threshold: number) {
  const total: Outcome = { tp: 0, fp: 0, fn: 0 };
  const byCat = new Map<string, Outcome>();
  set.forEach((l, i) => {
    const got = results[i]!.filter((x) => x.score >= threshold);
    const c = byCat.get(l.category) ?? { tp: 0, fp: 0, fn: 0 };
    if (l.target) {
      if (got.some((x) => x.id === l.target)) c.tp++;
      else c.fn++;
      // Other entries returned count against precision unless they carry the same name (namesakes on the list).
      c.fp += got.filter((x) => x.id !== l.target && !x.sameName).length;
    } else c.fp += got.length;
    byCat.set(l.category, c);
  });
  for (const c of byCat.values()) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  const precision = total.tp / Math.max(1, total.tp + total.fp);
  const recall = total.tp / Math.max(1, total.tp + total.fn);
  return { precision, recall, byCat, total };
}

/** The baseline: exact normalised tokens, a name matches when it contains every query token. */
class ExactTokenIndex {
  #postings = new Map<string, number[]>();
  #names: Array<{ entry: number; tokens: Set<string> }> = [];
  constructor(readonly entries: IndexableEntry[]) {
    entries.forEach((e, i) => {
      for (const n of e.names) {
        const id = this.#names.length;
        const tokens = new Set(nameTokens(n.name));
        this.#names.push({ entry: i, tokens });
        for (const t of tokens) (this.#postings.get(t) ?? this.#postings.set(t, []).get(t)!).push(id);
      }
    });
  }
  screen(q: string): IndexableEntry[] {
    const tokens = nameTokens(q);
    if (!tokens.length) return [];
    const lists = tokens.map((t) => this.#postings.get(t) ?? []).sort((a, b) => a.length - b.length);
    const out = new Set<number>();
    for (const id of lists[0]!) if (tokens.every((t) => this.#names[id]!.tokens.has(t))) out.add(this.#names[id]!.entry);
    return [...out].map((i) => this.entries[i]!);
  }
}

function generatedNames(n: number, entries: IndexableEntry[], seed = 11): string[] {
  const r = rng(seed);
  const cultures = Object.keys(FIRST) as Array<keyof typeof FIRST>;
  const people = entries.filter((e) => e.entity_type === 'person');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.1) out.push(normalizeName(pick(r, people).primary_name));
    else if (x < 0.35) out.push(`${pick(r, KOREAN_SURNAME_SAMPLE)} ${cap(pick(r, KOREAN_GIVEN))}-${pick(r, KOREAN_GIVEN)}`);
    else {
      const c = pick(r, cultures);
      out.push(r() < 0.3 ? `${pick(r, FIRST[c])} ${pick(r, FIRST[c])} ${pick(r, LAST[c])}` : `${pick(r, FIRST[c])} ${pick(r, LAST[c])}`);
    }
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function run(): Promise<void> {
  const loaded = await time(() => [
    loadOfac(['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((f) => resolve(DATA, 'ofac', f))),
    loadUn(resolve(DATA, 'un', 'UN_consolidated.xml')),
  ]);
  const entries: IndexableEntry[] = loaded.result.flatMap((l) => l.entries.map((e) => ({ ...e, id: `${l.id}:${e.source_uid}`, list_id: l.id })));
  const built = await time(() => SanctionsIndex.build(entries));
  const index = built.result;
  const names = entries.reduce((s, e) => s + e.names.length, 0);
  console.log(`lists: ${fmt(entries.length)} entries, ${fmt(names)} names (OFAC SDN + UN); parsed in ${loaded.seconds.toFixed(2)} s, index built in ${built.seconds.toFixed(2)} s`);

  // Quality.
  const set = labelledSet(entries);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const sameName = (target: string | null, id: string) => {
    if (!target) return false;
    const a = new Set(byId.get(target)!.names.map((n) => nameTokens(n.name).sort().join(' ')));
    return byId.get(id)!.names.some((n) => a.has(nameTokens(n.name).sort().join(' ')));
  };
  const ours = set.map((l) => index.screen({ name: l.query }, { threshold: 0.5, limit: 20 }).map((m) => ({ id: m.entry.id, score: m.score, sameName: sameName(l.target, m.entry.id) })));
  const exact = new ExactTokenIndex(entries);
  const base = set.map((l) => exact.screen(l.query).map((e) => ({ id: e.id, score: 1, sameName: sameName(l.target, e.id) })));
  const positives = set.filter((l) => l.target).length;
  console.log(`labelled set: ${set.length} queries (${positives} true variants of listed names, ${set.length - positives} hard and random negatives)`);
  const q = evaluate(set, ours, DEFAULT_THRESHOLD);
  const b = evaluate(set, base, 1);
  console.log(`matcher at the default threshold ${DEFAULT_THRESHOLD}: precision ${pct(q.precision)}, recall ${pct(q.recall)} (TP ${q.total.tp}, FP ${q.total.fp}, FN ${q.total.fn})`);
  console.log(`baseline (all query tokens present, exact): precision ${pct(b.precision)}, recall ${pct(b.recall)} (TP ${b.total.tp}, FP ${b.total.fp}, FN ${b.total.fn})`);
  console.log('by category (matcher | baseline):');
  for (const [cat, c] of [...q.byCat].sort()) {
    const bc = b.byCat.get(cat)!;
    const isPos = c.tp + c.fn > 0;
    console.log(
      `  ${cat.padEnd(28)} ${isPos ? `recall ${pct(c.tp / (c.tp + c.fn)).padStart(6)} of ${String(c.tp + c.fn).padStart(4)}` : `${String(c.fp).padStart(4)} false matches`.padEnd(21)}${isPos ? `, ${c.fp} other` : ''} | ${isPos ? `recall ${pct(bc.tp / (bc.tp + bc.fn))}` : `${bc.fp} false matches`}`,
    );
  }
  if (process.env.SANCTIONS_BENCH_SHOW_FP) {
    set.forEach((l, i) => {
      for (const x of ours[i]!) {
        if (x.score >= DEFAULT_THRESHOLD && x.id !== l.target && !x.sameName) console.log(`  FP ${l.category}: "${l.query}" -> ${byId.get(x.id)!.primary_name} (${x.score.toFixed(2)})`);
      }
      if (l.target && !ours[i]!.some((x) => x.id === l.target && x.score >= DEFAULT_THRESHOLD)) console.log(`  FN ${l.category}: "${l.query}" -> ${byId.get(l.target)!.primary_name}`);
    });
  }
  console.log('threshold sweep (matcher):');
  for (const t of [0.7, 0.75, 0.8, 0.85, 0.9, 0.95]) {
    const e = evaluate(set, ours, t);
    console.log(`  ${t.toFixed(2)}: precision ${pct(e.precision)}, recall ${pct(e.recall)}`);
  }

  // Speed, one name at a time on this one thread. Wall time per name includes any time the OS
  // gives the core to other processes; CPU time per name (process.cpuUsage) is what screening
  // itself costs on one core. Both are printed, with the machine's load.
  const N = Number(process.env.SANCTIONS_BENCH_NAMES ?? 100_000);
  const queries = generatedNames(N, entries);
  for (const qn of queries.slice(0, 500)) index.screen({ name: qn }); // warm the JIT
  const wall = new Float64Array(N);
  const cpu = new Float64Array(N);
  let matched = 0;
  const load0 = loadavg()[0]!;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const a = performance.now();
    const ca = process.cpuUsage();
    matched += index.screen({ name: queries[i]! }).length ? 1 : 0;
    const cd = process.cpuUsage(ca);
    wall[i] = performance.now() - a;
    cpu[i] = (cd.user + cd.system) / 1000;
  }
  const secs = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const cpuSecs = (cu.user + cu.system) / 1e6;
  wall.sort();
  cpu.sort();
  const q99 = (a: Float64Array) => a[Math.floor(N * 0.99)]!;
  const tb = performance.now();
  const cb = process.cpuUsage();
  let baseHits = 0;
  for (let i = 0; i < N; i++) baseHits += exact.screen(queries[i]!).length ? 1 : 0;
  const baseSecs = (performance.now() - tb) / 1000;
  const cbu = process.cpuUsage(cb);
  const baseCpuSecs = (cbu.user + cbu.system) / 1e6;
  const rate = N / secs;
  const cpuRate = N / cpuSecs;
  console.log(`machine: ${cpus().length} cores, load average ${load0.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`);
  console.log(`screened ${fmt(N)} generated names (${fmt(matched)} with a match):`);
  console.log(`  wall clock: ${fmt(rate)} names/s, p50 ${wall[Math.floor(N * 0.5)]!.toFixed(2)} ms, p99 ${q99(wall).toFixed(2)} ms per name`);
  console.log(`  CPU time:   ${fmt(cpuRate)} names/s, p50 ${cpu[Math.floor(N * 0.5)]!.toFixed(2)} ms, p99 ${q99(cpu).toFixed(2)} ms per name`);
  console.log(`baseline exact-token lookup loop: ${fmt(N / baseSecs)} names/s wall, ${fmt(N / baseCpuSecs)} names/s CPU (${fmt(baseHits)} with a hit); matcher = ${(cpuRate / (N / baseCpuSecs)).toFixed(3)}× the baseline's speed (CPU)`);
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  console.log(
    `targets (one core): ≥ 1,000 names/s ${ok(cpuRate >= 1000)} (wall ${ok(rate >= 1000)}); p99 < 10 ms ${ok(q99(cpu) < 10)} (wall ${ok(q99(wall) < 10)}); peak RSS ${fmt(await peakRssMb())} MB`,
  );
}
