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

/** What the person declared: a language column mentioning Korean, or a home in Korea. */
function declaresKorean(data: DetectData, p: Person | undefined, fields: string[]): string | null {
  if (!p) return null;
  const records = [p, ...[...data.people.values()].filter((c) => c.kind === 'candidate' && data.humanOf(c.id) === p.id && c.id !== p.id)];
  for (const r of records) {
    if (r.home?.country === 'KR') return `${r.id}: home country KR`;
    for (const f of fields) {
      const v = r.extra[f];
      if (v && /korean|한국어|(^|[^a-z])ko([^a-z]|$)/i.test(v)) return `${r.id}: ${f} = ${v}`;
    }
  }
  return null;
}

export const rule = deviceRule(
  {
    id: 'endpoint.locale.korean_undeclared',
    title: 'Korean language or keyboard the person never declared',
    description: 'The device has Korean language settings, keyboard layouts or input methods, while the person\'s HR and applicant records declare no Korean language and no home in Korea. This is about a mismatch with what the person declared, never about names, ethnicity or national origin: anyone who lists Korean among their languages is not flagged.',
    rationale: 'Workers presenting as, for example, US-born developers have been found through Korean input methods on their work laptops; the signal is the contradiction with their own account of themselves.',
    sources: [SRC.mandiant, SRC.okta, SRC.knowbe4],
    severity: 'medium',
    data_needed: ['osquery:locale (unmask_locale_* queries)', 'people.csv / candidates.csv language column (e.g. `languages`), home_country'],
    false_positives: ['Employees who speak Korean but whose HR record has no language column: the rule cannot tell, so add the column (e.g. `languages`) to the HR export', 'Language-learning and testing set-ups (localisation QA)'],
    params: { declaration_fields: { default: ['languages', 'language', 'spoken_languages'], description: 'HR/applicant columns where people declare their languages.' } },
  },
  (ctx, d) => {
    const hits = (d.tables.get('locale') ?? []).filter((r) => KOREAN.some((re) => re.test(r.columns.value ?? '')));
    if (!hits.length) return [];
    const declared = declaresKorean(ctx.data, d.person, ctx.params.declaration_fields as string[]);
    if (declared) return [];
    const fields = ctx.params.declaration_fields as string[];
    const hasDeclaration = !!d.person && fields.some((f) => d.person!.extra[f] !== undefined);
    return [
      {
        ...deviceSubject(d),
        summary: `Korean ${[...new Set(hits.map((h) => h.columns.kind ?? 'locale'))].join('/')} settings on ${deviceLabel(d)}; the HR record declares no Korean`,
        discriminator: d.key,
        evidence: {
          device: d.key,
          hostname: d.device?.hostname ?? null,
          settings: hits.slice(0, 10).map((h) => ({ row_id: h.id, observed_at: h.observed_at, kind: h.columns.kind, value: h.columns.value })),
          declared_languages: d.person ? Object.fromEntries(fields.filter((f) => d.person!.extra[f] !== undefined).map((f) => [f, d.person!.extra[f]])) : null,
          hr_record_has_language_column: hasDeclaration,
          home_country: d.person?.home?.country ?? null,
          note: 'compares the inventory with what the person declared; names and origin play no part',
        },
        fact_keys: [`locale-undeclared:ko:${d.key}`],
        ...timeRange(hits.map((h) => h.observed_at)),
      },
    ];
  },
);
