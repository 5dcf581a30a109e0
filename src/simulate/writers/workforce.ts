/**
 * The workforce CSV files of the data contract: people, candidates (with resume and photo files),
 * pay destinations, payments, shipments and devices. Column names are the contract's, plus a few
 * extra columns a real HR or asset export carries (kept by Unmask as extra attributes).
 */
import { photoPng, textPdf } from '../files.js';
import { PERIOD, type PayAccountRow, type SimCandidate, type SimOrg, type SimPerson } from '../model.js';
import { Rng } from '../random.js';
import { addDays, daysBetween, weekday } from '../time.js';
import { csvRow, type OutDir } from './out.js';

async function table(out: OutDir, rel: string, header: string[], rows: () => Iterable<Array<string | number | null | undefined>>): Promise<void> {
  const sink = out.open(rel);
  await sink.write(csvRow(header));
  for (const r of rows()) await sink.write(csvRow(r));
  await out.closeSink(rel, sink);
}

export async function writePeople(out: OutDir, org: SimOrg): Promise<void> {
  const header = ['person_id', 'full_name', 'work_email', 'personal_email', 'phone', 'date_of_birth', 'home_street', 'home_city', 'home_region', 'home_postal_code', 'home_country', 'timezone', 'employment_type', 'agency', 'title', 'department', 'manager_id', 'hire_date', 'end_date', 'work_location'];
  await table(out, 'people.csv', header, function* () {
    for (const p of org.people) {
      const where = p.office ? `Hybrid - ${p.office === 'austin' ? 'Austin' : 'Chicago'}` : 'Remote';
      yield [p.id, p.fullName, p.workEmail, p.personalEmail, p.phone, p.dob, p.home.street, p.home.city, p.home.region, p.home.postal_code, p.home.country, p.timezone, p.kind, p.agency, p.title, p.department, p.manager?.id ?? null, p.hireDate, p.endDate, where];
    }
  });
}

export async function writeCandidates(out: OutDir, org: SimOrg): Promise<void> {
  const header = ['candidate_id', 'full_name', 'email', 'phone', 'location_city', 'location_region', 'location_country', 'applied_at', 'position', 'resume_text', 'resume_file', 'photo_file', 'profile_urls', 'referred_by', 'hired_person_id', 'interview_flags', 'source'];
  const photos = new Map<string, Buffer>();
  const rows: Array<Array<string | null>> = [];
  for (const c of org.candidates) {
    let resumeFile: string | null = null;
    let resumeText: string | null = null;
    if (c.resumeFormat === 'inline') resumeText = c.resumeText;
    else if (c.resumeFormat === 'txt') {
      resumeFile = `resumes/${c.id}.txt`;
      out.writeFile(resumeFile, `${c.resumeText}\n`);
    } else {
      resumeFile = `resumes/${c.id}.pdf`;
      out.writeFile(resumeFile, textPdf(c.resumeText, `Resume - ${c.fullName}`));
    }
    let photoFile: string | null = null;
    if (c.photo) {
      photoFile = `photos/${c.id}.png`;
      const k = `${c.photo.key}#${c.photo.variant}`;
      let png = photos.get(k);
      if (!png) {
        png = photoPng(org.seed, c.photo.key, c.photo.variant);
        if (c.scheme) photos.set(k, png);
      }
      out.writeFile(photoFile, png);
    }
    rows.push([
      c.id,
      c.fullName,
      c.email,
      c.phone,
      c.location.city,
      c.location.region,
      c.location.country,
      new Date(c.appliedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      c.position,
      resumeText,
      resumeFile,
      photoFile,
      c.profileUrls.join(';') || null,
      c.referredBy?.id ?? null,
      c.hired?.id ?? null,
      c.flags.join(';') || null,
      sourceOf(org.seed, c),
    ]);
  }
  await table(out, 'candidates.csv', header, () => rows);
}

function sourceOf(seed: string, c: SimCandidate): string {
  if (c.referredBy) return 'Referral';
  return Rng.from(seed, 'source', c.id).pick(['LinkedIn', 'Company website', 'Indeed', 'LinkedIn', 'Recruiter outreach', 'Wellfound']);
}

export async function writePayAccounts(out: OutDir, org: SimOrg): Promise<void> {
  const header = ['person_id', 'effective_date', 'method', 'bank_name', 'bank_country', 'routing_number', 'account_number', 'iban', 'account_holder', 'wallet_address'];
  await table(out, 'pay_accounts.csv', header, function* () {
    for (const p of org.people) for (const a of p.pay) yield [p.id, a.effective_date, a.method, a.bank_name, a.bank_country, a.routing_number, a.account_number, a.iban, a.account_holder, a.wallet_address];
  });
}

/** The destination in force on a day. */
export function accountOn(p: SimPerson, day: string): PayAccountRow | null {
  let cur: PayAccountRow | null = null;
  for (const a of p.pay.slice().sort((x, y) => (x.effective_date < y.effective_date ? -1 : 1))) if (a.effective_date <= day) cur = a;
  return cur ?? p.pay[0] ?? null;
}

/** Bi-weekly payroll on Fridays for employees; month-end invoices for contractors. */
export async function writePayments(out: OutDir, org: SimOrg): Promise<void> {
  const fridays = daysBetween('2025-01-10', PERIOD.end).filter((d, i, all) => weekday(d) === 5 && (all.indexOf(d) - all.indexOf('2025-01-10')) % 14 === 0);
  const monthEnds = ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-30', '2025-06-30'];
  const header = ['payment_id', 'person_id', 'paid_at', 'amount', 'currency', 'account_number', 'iban', 'wallet_address', 'pay_period_end'];
  let n = 0;
  const sink = out.open('payments.csv');
  await sink.write(csvRow(header));
  const days = [...new Set([...fridays, ...monthEnds])].sort();
  for (const day of days) {
    for (const p of org.people) {
      const contractorDay = monthEnds.includes(day);
      if (p.kind === 'contractor' ? !contractorDay : !fridays.includes(day)) continue;
      if (day < addDays(p.hireDate, 7) || (p.endDate && day > addDays(p.endDate, 14))) continue;
      const acct = accountOn(p, day);
      if (!acct) continue;
      const r = Rng.from(org.seed, 'pay', p.seedKey, day);
      const gross = p.kind === 'contractor' ? p.salary / 12 : p.salary / 26;
      const amount = (gross * r.float(0.97, 1.03)).toFixed(2);
      n++;
      await sink.write(csvRow([`PAY-${String(n).padStart(8, '0')}`, p.id, `${day}T${p.kind === 'contractor' ? '17' : '14'}:00:00Z`, amount, p.currency, acct.account_number, acct.iban, acct.wallet_address, addDays(day, -5)]));
    }
  }
  await out.closeSink('payments.csv', sink);
}

export async function writeShipments(out: OutDir, org: SimOrg): Promise<void> {
  const header = ['shipment_id', 'person_id', 'device_serial', 'asset_tag', 'shipped_at', 'ship_street', 'ship_city', 'ship_region', 'ship_postal_code', 'ship_country', 'status', 'carrier', 'tracking_number'];
  const rows: Array<{ at: number; row: Array<string | null> }> = [];
  for (const p of org.people) {
    for (const d of p.devices) {
      const s = d.shipment;
      if (!s) continue;
      const r = Rng.from(org.seed, 'ship', d.serial);
      const carrier = r.pick(['UPS', 'FedEx', 'UPS']);
      const tracking = carrier === 'UPS' ? `1Z${r.chars(6, 'ABCDEFGHJKLMNPRSTUVWXY0123456789')}${r.digits(10)}` : r.digits(12);
      rows.push({ at: s.shippedAt, row: ['', p.id, d.serial, s.assetTag, new Date(s.shippedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'), s.to.street, s.to.city, s.to.region, s.to.postal_code, s.to.country, s.status, carrier, tracking] });
    }
  }
  rows.sort((a, b) => a.at - b.at);
  rows.forEach((r, i) => (r.row[0] = `SHP-${String(10001 + i)}`));
  await table(out, 'shipments.csv', header, () => rows.map((r) => r.row));
}

export async function writeDevices(out: OutDir, org: SimOrg): Promise<void> {
  const header = ['device_serial', 'hostname', 'person_id', 'platform', 'enrolled_at', 'manufacturer', 'model'];
  await table(out, 'devices.csv', header, function* () {
    for (const p of org.people) for (const d of p.devices) yield [d.serial, d.hostname, p.id, d.platform, new Date(d.enrolledAt).toISOString().replace(/\.\d{3}Z$/, 'Z'), d.hardware.vendor, d.hardware.model];
  });
}
