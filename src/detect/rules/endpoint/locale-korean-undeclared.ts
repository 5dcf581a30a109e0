import { deviceLabel, deviceRule, deviceSubject, timeRange } from '../../define.js';
import type { DetectData } from '../../data.js';
import type { Person } from '../../../model/index.js';
import { SRC } from '../../sources.js';

/** Korean language, keyboard and input-method settings as osquery reports them on each platform. */
const KOREAN = [
  /^ko([-_]|$)/i, // ko, ko-KR, ko_KR.UTF-8
  /^0*412$/i, // Windows keyboard layout / language id 0x0412
  /^00000412$/i,
  /korean/i, // com.apple.inputmethod.Korean.2SetKorean, "Korean" language packs
  /hangul/i, // ibus-hangul, fcitx-hangul
  /^kr$/i, // X keyboard layout
];

/**
 * What the person declared about their languages, across their HR record and the applications
 * that became it: the declared values, and whether any mentions Korean (or a home in Korea).
 */
function declarations(data: DetectData, p: Person | undefined, fields: string[]): { values: Record<string, string>; korean: string | null } {
  const values: Record<string, string> = {};
  if (!p) return { values, korean: null };
  const records = [p, ...[...data.people.values()].filter((c) => c.kind === 'candidate' && c.id !== p.id && data.humanOf(c.id) === p.id)];
  let korean: string | null = null;
  for (const r of records) {
    if (r.home?.country === 'KR') korean ??= `${r.id}: home country KR`;
    for (const f of fields) {
      const v = r.extra[f];
      if (v === undefined) continue;
      values[`${r.id}.${f}`] = v;
      if (/korean|한국어|(^|[^a-z])ko([^a-z]|$)/i.test(v)) korean ??= `${r.id}: ${f} = ${v}`;
    }
  }
  return { values, korean };
}

export const rule = deviceRule(
  {
    id: 'endpoint.locale.korean_undeclared',
    title: 'Korean language or keyboard the person never declared',
    description: 'The device has Korean language settings, keyboard layouts or input methods, while the person declared their languages (a language column in the HR or applicant export) without Korean and has no home in Korea on file. This is about a contradiction with what the person declared, never about names, ethnicity or national origin: anyone who lists Korean is not flagged, and by default nobody is flagged whose records declare no languages at all.',
    rationale: 'Workers presenting as, for example, US-born developers have been found through Korean input methods on their work laptops; the signal is the contradiction with their own account of themselves.',
    sources: [SRC.mandiant, SRC.okta, SRC.knowbe4],
    severity: 'medium',
    data_needed: ['osquery:locale (unmask_locale_* queries)', 'people.csv / candidates.csv language column (e.g. `languages`), home_country'],
    false_positives: ['Declarations that list only the languages used at work', 'Language-learning and localisation-testing set-ups', 'With require_declaration off, anyone whose records simply do not record languages'],
    params: {
      declaration_fields: { default: ['languages', 'language', 'spoken_languages'], description: 'HR/applicant columns where people declare their languages.' },
      require_declaration: { default: true, description: 'Fire only for people whose records declare languages; without a declaration there is nothing to contradict.' },
    },
  },
  (ctx, d) => {
    const hits = (d.tables.get('locale') ?? []).filter((r) => KOREAN.some((re) => re.test(r.columns.value ?? '')));
    if (!hits.length) return [];
    const declared = declarations(ctx.data, d.person, ctx.params.declaration_fields as string[]);
    const hasDeclaration = Object.keys(declared.values).length > 0;
    if (declared.korean || (ctx.params.require_declaration && !hasDeclaration)) return [];
    return [
      {
        ...deviceSubject(d),
        summary: `Korean ${[...new Set(hits.map((h) => h.columns.kind ?? 'locale'))].join('/')} settings on ${deviceLabel(d)}; ${hasDeclaration ? 'the declared languages do not include Korean' : 'no languages declared'}`,
        discriminator: d.key,
        evidence: {
          device: d.key,
          hostname: d.device?.hostname ?? null,
          settings: hits.slice(0, 10).map((h) => ({ row_id: h.id, observed_at: h.observed_at, kind: h.columns.kind, value: h.columns.value })),
          declared_languages: hasDeclaration ? declared.values : null,
          home_country: d.person?.home?.country ?? null,
          note: 'compares the inventory with what the person declared; names and origin play no part',
        },
        fact_keys: [`locale-undeclared:ko:${d.key}`],
        ...timeRange(hits.map((h) => h.observed_at)),
      },
    ];
  },
);
