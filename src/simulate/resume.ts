/**
 * Resume text. Ordinary applicants get their own; an applicant ring shares one template with the
 * names swapped and a few words changed, which is what near-duplicate detection has to catch.
 */
import { PAST_EMPLOYERS, UNIVERSITIES } from './catalog/names.js';
import { Rng } from './random.js';

const SKILLS: Record<string, string[]> = {
  eng: ['TypeScript', 'JavaScript', 'React', 'Node.js', 'Go', 'Python', 'Java', 'Kotlin', 'PostgreSQL', 'Redis', 'Kafka', 'AWS', 'GCP', 'Kubernetes', 'Docker', 'Terraform', 'GraphQL', 'REST APIs', 'CI/CD', 'Rust', 'Vue.js', 'Next.js', 'Django', 'Spring Boot'],
  data: ['SQL', 'Python', 'dbt', 'Airflow', 'Spark', 'Snowflake', 'BigQuery', 'pandas', 'scikit-learn', 'Looker', 'Tableau', 'Kafka'],
  biz: ['Salesforce', 'HubSpot', 'Excel', 'Negotiation', 'Forecasting', 'Customer success', 'Zendesk', 'Jira', 'Confluence', 'Presentation', 'Stakeholder management', 'NetSuite'],
};

const VERBS = ['Built', 'Designed', 'Led', 'Migrated', 'Shipped', 'Improved', 'Automated', 'Owned', 'Scaled', 'Reduced', 'Introduced', 'Maintained'];
const OBJECTS = [
  'a payments service handling 2M requests per day',
  'the customer-facing dashboard in React and TypeScript',
  'CI pipelines that cut build times by 40%',
  'a data pipeline feeding the analytics warehouse',
  'on-call rotation and incident reviews for the platform team',
  'the migration from a monolith to services on Kubernetes',
  'internal tooling used by 300 support agents',
  'an event-driven integration with third-party logistics partners',
  'GraphQL APIs for the mobile applications',
  'monitoring and alerting with Prometheus and Grafana',
  'a self-serve onboarding flow that raised activation by 18%',
  'quarterly planning with product and design',
];

export interface ResumeSubject {
  fullName: string;
  email: string;
  phone: string | null;
  city: string;
  region: string;
  title: string;
  track: 'eng' | 'data' | 'biz';
}

function body(rng: Rng, title: string, track: 'eng' | 'data' | 'biz'): string[] {
  const lines: string[] = [];
  const years = rng.int(4, 14);
  lines.push('SUMMARY');
  lines.push(`${title} with ${years} years of experience. ${rng.pick(['Focused on reliable, well-tested systems.', 'Comfortable across the stack and in fast-moving teams.', 'Enjoys mentoring and turning ambiguous problems into shipped work.', 'Strong communicator who works closely with product and customers.'])}`);
  lines.push('');
  lines.push('EXPERIENCE');
  let end = 2025;
  for (const employer of rng.sample(PAST_EMPLOYERS, rng.int(2, 4))) {
    const start = end - rng.int(1, 4);
    lines.push(`${employer} - ${rng.pick([title, `Senior ${title.replace(/^Senior /, '')}`, title.replace(/^Senior /, '')])} (${start}-${end === 2025 ? 'present' : end})`);
    for (const o of rng.sample(OBJECTS, rng.int(2, 3))) lines.push(`- ${rng.pick(VERBS)} ${o}.`);
    end = start;
  }
  lines.push('');
  lines.push('EDUCATION');
  lines.push(`${rng.pick(['B.S.', 'B.A.', 'M.S.', 'B.Eng.'])} ${rng.pick(track === 'biz' ? ['Business Administration', 'Economics', 'Communications'] : ['Computer Science', 'Software Engineering', 'Mathematics', 'Electrical Engineering'])}, ${rng.pick(UNIVERSITIES)}, ${end - rng.int(0, 2)}`);
  lines.push('');
  lines.push('SKILLS');
  lines.push(rng.sample(SKILLS[track] ?? SKILLS.eng!, rng.int(6, 10)).join(', '));
  return lines;
}

function header(s: ResumeSubject): string[] {
  return [s.fullName, `${s.city}, ${s.region} | ${s.email}${s.phone ? ` | ${s.phone}` : ''}`, ''];
}

/** An applicant's own resume. */
export function ownResume(rng: Rng, s: ResumeSubject): string {
  return [...header(s), ...body(rng, s.title, s.track)].join('\n');
}

/**
 * A ring member's resume: the template's body (same seed), with a word or two changed per member,
 * so copies are near-duplicates rather than identical.
 */
export function templateResume(seed: string, template: string, member: number, s: ResumeSubject): string {
  const lines = body(Rng.from(seed, 'resume-template', template), s.title, s.track);
  const tweak = Rng.from(seed, 'resume-tweak', template, member);
  const swaps: Array<[RegExp, string]> = [
    [/Built/, 'Developed'],
    [/Led/, 'Drove'],
    [/Improved/, 'Optimized'],
    [/experience\./, 'professional experience.'],
    [/Focused on/, 'Passionate about'],
  ];
  const out = lines.map((l) => l);
  for (const [re, rep] of tweak.sample(swaps, tweak.int(1, 2))) {
    const i = out.findIndex((l) => re.test(l));
    if (i >= 0) out[i] = (out[i] as string).replace(re, rep);
  }
  return [...header(s), ...out].join('\n');
}
