/**
 * docs/rules.md, generated from the catalog (`npm run docs:rules` or `unmask rules --markdown`):
 * one section per rule with its rationale, sources, data, parameters and false positives, then the
 * built-in reference catalogs. A test fails when the file in the repository is stale.
 */
import type { Rule } from './rule.js';
import { ipKvmCatalog } from './reference/ip-kvm.js';
import { keepAwakeCatalog } from './reference/keep-awake.js';
import { builtinTools } from './reference/remote-access-tools.js';

const FAMILY_TITLES: Record<string, string> = {
  identity: 'Identity-provider sign-ins',
  endpoint: 'Endpoint inventory (osquery)',
  network: 'Network (Zeek conn.log, device egress)',
  hr: 'HR, recruiting contact data and equipment shipping',
  payroll: 'Payroll and payments',
  recruiting: 'Recruiting',
  sanctions: 'Sanctions and watch lists',
};

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const fmt = (v: unknown) => (Array.isArray(v) ? (v.length ? v.map((x) => `\`${String(x)}\``).join(', ') : '(none)') : `\`${String(v)}\``);
const anchor = (id: string) => id.replace(/\./g, '');

const ports = (specs: Array<number | string>): string => specs.join(', ');

export function renderRulesMarkdown(rules: Rule[]): string {
  const out: string[] = [];
  const families = [...new Set(rules.map((r) => r.meta.id.split('.')[0]!))];
  out.push(
    '# Detection rules',
    '',
    '<!-- Generated from the rule catalog (src/detect/catalog.ts) by `npm run docs:rules`; do not edit by hand. -->',
    '',
    `Unmask ships ${rules.length} rules in ${families.length} families. Each rule reads the store, and each finding carries its`,
    'evidence (records, values, time range) and `fact_keys` naming the facts it rests on, so the scorer counts one fact once',
    'however many rules see it. No single finding proves anything: the score fuses them. Rules look for misrepresentation',
    '(a claimed home, language or identity that the data contradicts), never for ethnicity or national origin.',
    '',
    'Configuration (`detect:` in unmask.yaml) and the engine are described in [detection.md](detection.md).',
    '',
    '| rule | severity | title |',
    '|---|---|---|',
    ...rules.map((r) => `| [\`${r.meta.id}\`](#${anchor(r.meta.id)}) | ${r.meta.severity} | ${esc(r.meta.title)} |`),
    '',
  );
  for (const fam of families) {
    out.push(`## ${FAMILY_TITLES[fam] ?? fam}`, '');
    for (const r of rules.filter((x) => x.meta.id.split('.')[0] === fam)) {
      const m = r.meta;
      out.push(`### ${m.id}`, '', `**${m.title}**. Severity: ${m.severity}.${m.attack?.length ? ` ATT&CK: ${m.attack.join(', ')}.` : ''}${m.phase === 'late' ? ' Runs after the other rules and reads their findings.' : ''}`, '');
      out.push(m.description, '', `*Why it matters.* ${m.rationale}`, '');
      out.push(`*Data needed:* ${m.data_needed.join('; ')}.`, '');
      const params = Object.entries(m.params);
      if (params.length) {
        out.push('| parameter | default | meaning |', '|---|---|---|', ...params.map(([k, p]) => `| \`${k}\` | ${esc(fmt(p.default))} | ${esc(p.description)} |`), '');
      }
      out.push('*Known false positives:*', '', ...m.false_positives.map((f) => `- ${f}`), '');
      out.push('*Sources:*', '', ...m.sources.map((s) => `- ${s}`), '');
    }
  }

  out.push(
    '## Indicators the catalog cannot cover',
    '',
    'Some indicators in the domain brief need data the data contract does not carry:',
    '',
    '- The real identity owner reporting a tax form for a job they never had: a case-intake event, recorded as a case, not a rule.',
    '- The same identity documents across candidates: the contract has no document numbers.',
    '- Several photos for one name: applicant records carry one photo each; the same name with different photos across records is left to the linker.',
    '- Education abroad with a local address, name-spelling drift: no structured education or name-history fields (experience older than the technology is checked).',
    '- Connections to VPN and RMM infrastructure by domain name: Zeek conn.log carries addresses only (network owners and listed relay addresses are matched instead).',
    '',
  );

  const tools = builtinTools();
  out.push(
    '## Remote-access tool catalog',
    '',
    `The built-in catalog (catalog/detect/remote-access-tools.yaml) lists ${tools.length} tools; \`unmask rules import-lolrmm DIR\` adds the`,
    'LOLRMM catalog (magicsword-io/LOLRMM, Apache-2.0) to it, stored in the database. Approve the company\'s own tools by id',
    'in `detect.approved_remote_access_tools`. Tools marked built-in ship with the operating system: only a running process counts.',
    '',
    '| id | tool | vendor | kind | relay ports | listen ports |',
    '|---|---|---|---|---|---|',
    ...tools.map((t) => `| \`${t.id}\` | ${esc(t.name)}${t.builtin ? ' (built-in)' : ''} | ${esc(t.vendor)} | ${t.kind} | ${ports(t.relay_ports)} | ${ports(t.listen_ports)} |`),
    '',
  );
  const kvm = ipKvmCatalog();
  out.push(
    '## IP-KVM signatures',
    '',
    'From catalog/detect/ip-kvm.yaml (facts from LivingInSyn/ipkvm-watch, MIT). Most IP-KVMs share the Linux gadget id',
    '`1d6b:0104`; their manufacturer/product strings and default serials tell them apart. An unnamed gadget matches at medium severity.',
    '',
    '| device | USB ids | strings | default serials |',
    '|---|---|---|---|',
    ...kvm.devices.map((d) => `| ${esc(d.name)} | ${[...new Set(d.usb.map((u) => `${u.vendor_id}:${u.product_id}`))].join(', ')} | ${esc(d.strings.join(', '))} | ${esc(d.serials.join(', ') || '-')} |`),
    '',
  );
  const ka = keepAwakeCatalog();
  out.push(
    '## Keep-awake and mouse-jiggler signatures',
    '',
    'From catalog/detect/keep-awake.yaml. Software: ' + ka.catalog.software.map((s) => `${s.name}${s.weak ? ' (info severity)' : ''}`).join(', ') + '.',
    `USB devices whose vendor or product string contains: ${ka.catalog.usb.strings.map((s) => `"${s}"`).join(', ')}.`,
    '',
  );
  return `${out.join('\n')}`;
}
