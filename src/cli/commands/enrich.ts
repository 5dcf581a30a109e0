/**
 * `unmask enrich ...`: look values up offline and say which data said so, with its date;
 * `unmask enrich store` enriches every distinct value in the database.
 */
import type { Command } from 'commander';
import { normalizeAddress, parseAddressLine } from '../../enrich/address.js';
import { attributionText, dataset, type Dataset } from '../../enrich/datasets.js';
import { enrichEmail } from '../../enrich/email.js';
import { IpEnricher, type IpInfo } from '../../enrich/ip.js';
import { enrichPhone } from '../../enrich/phone.js';
import { enrichStore } from '../../enrich/stage.js';
import { action } from '../context.js';

function credits(ids: Dataset['id'][]): string {
  return ['', 'data:', ...ids.map((id) => {
    const d = dataset(id);
    return `  ${d.attribution} (${d.package}@${d.version}${d.date ? `, data of ${d.date}` : ''})`;
  })].join('\n');
}

function ipText(i: IpInfo): string {
  const place = [i.city, i.region, i.country].filter(Boolean).join(', ');
  const lines = [
    `${i.ip}  ${i.class}${i.provider ? ` (${i.provider})` : ''}`,
    `  location  ${place || '-'}${i.lat !== null && i.lon !== null ? ` (${i.lat}, ${i.lon})` : ''}`,
    `  network   ${i.asn !== null ? `AS${i.asn} ${i.as_org ?? ''}`.trim() : '-'}`,
  ];
  if (i.note) lines.push(`  note      ${i.note}`);
  i.sources.forEach((s, k) => lines.push(`  ${k === 0 ? 'sources ' : '        '}  ${s}`));
  return lines.join('\n');
}

export function register(program: Command): void {
  const enrich = program.command('enrich').description('offline enrichment of IP addresses, phone numbers, emails and postal addresses');

  enrich
    .command('ip')
    .description('location, network and class (corporate, hosting, vpn, tor, residential_or_mobile, unknown) of IP addresses')
    .argument('<address...>', 'IPv4 or IPv6 addresses')
    .action(
      action(async (ctx, addresses: string[]) => {
        const e = await IpEnricher.create(ctx.config.enrich);
        for (const w of e.warnings) ctx.log.warn(w);
        const infos = addresses.map((a) => e.lookup(a));
        ctx.print(`${infos.map(ipText).join('\n\n')}\n${credits(['dbip-city', 'asn'])}`, infos);
      }),
    );

  enrich
    .command('phone')
    .description('E.164 form, country, validity and line type of phone numbers (VoIP where the numbering plan says so)')
    .argument('<number...>', 'phone numbers, best with +country code')
    .option('--country <CC>', 'country for numbers written without +country code')
    .action(
      action(async (ctx, numbers: string[], opts: { country?: string }) => {
        const country = opts.country ?? ctx.config.enrich.default_phone_country ?? undefined;
        const infos = numbers.map((n) => enrichPhone(n, country));
        const text = infos
          .map((p) => `${p.input}  ${p.e164 ?? '(not a phone number)'}  ${p.country ?? '-'}  ${p.valid ? 'valid' : 'not valid'}  ${p.line_type ?? '-'}`)
          .join('\n');
        const note = '\nnote: US and Canadian VoIP numbers cannot be told apart offline (their plan says FIXED_LINE_OR_MOBILE).';
        ctx.print(`${text}\n${note}\n${credits(['libphonenumber'])}`, infos);
      }),
    );

  enrich
    .command('email')
    .description('syntax, normalised form and domain class (free, disposable, corporate) of email addresses')
    .argument('<address...>', 'email addresses')
    .action(
      action(async (ctx, addresses: string[]) => {
        const infos = addresses.map((a) => enrichEmail(a));
        const text = infos.map((e) => `${e.input}  ${e.valid ? e.normalized : '(not valid)'}  ${e.domain_class}`).join('\n');
        ctx.print(`${text}\n${credits(['disposable-email', 'email-providers'])}`, infos);
      }),
    );

  enrich
    .command('address')
    .description('normalised form, grouping key, PO box / mail service flags and city coordinates of a postal address')
    .argument('<text>', 'one line: "street, city, REGION POSTAL, COUNTRY"')
    .action(
      action(async (ctx, text: string) => {
        const fields = parseAddressLine(text);
        const a = normalizeAddress(fields);
        const out = [
          `${text}`,
          `  fields      ${JSON.stringify(fields)}`,
          `  normalized  ${a.normalized}`,
          `  key         ${a.key ?? '-'}`,
          `  po box      ${a.po_box ? 'yes' : 'no'}`,
          `  mail svc    ${a.mail_service ? `${a.mail_service}${a.forwarder ? ' (parcel forwarder)' : ' (CMRA)'}` : 'none recognised'}`,
          `  coordinates ${a.lat !== null ? `${a.lat}, ${a.lon}` : '-'}`,
          ...(a.geo_source ? [`  sources     ${a.geo_source}`] : []),
        ].join('\n');
        ctx.print(`${out}\n${credits(['geonames-cities'])}`, { fields, ...a });
      }),
    );

  enrich
    .command('store')
    .description('enrich every distinct IP, phone, email and address in the database (a scan does this too)')
    .action(
      action(async (ctx) => {
        const stats = await enrichStore(await ctx.store(), ctx.config, ctx.log);
        const line = (k: 'ip' | 'phone' | 'email' | 'address') => `  ${k.padEnd(8)} ${stats[k].distinct} distinct, ${stats[k].computed} enriched, ${stats[k].reused} already current`;
        ctx.print(['enrichment:', line('ip'), line('phone'), line('email'), line('address')].join('\n'), stats);
      }),
    );

  enrich
    .command('sources')
    .description('the datasets enrichment uses, their dates and the credit their licenses ask for')
    .action(
      action(async (ctx) => {
        ctx.print(attributionText(), { datasets: ['dbip-city', 'asn', 'disposable-email', 'email-providers', 'geonames-cities', 'libphonenumber'].map((id) => dataset(id as Dataset['id'])) });
      }),
    );
}
