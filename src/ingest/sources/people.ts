/**
 * people.csv: the HR roster. Identified by `person_id` (stored as `person:<person_id>`); a later
 * file's row for the same person replaces the earlier one. Unknown columns are kept as extras.
 */
import * as m from '../../model/index.js';
import { readCsvRecords, type CsvRow } from '../stream/csv.js';
import type { MapContext, MapResult, Source } from '../types.js';
import { RecordError } from '../types.js';
import { cell, country, extraColumns, isoDay, oneOf, requiredCell } from './fields.js';

export const PEOPLE_COLUMNS = [
  'person_id', 'full_name', 'work_email', 'personal_email', 'phone', 'date_of_birth', 'home_street', 'home_city',
  'home_region', 'home_postal_code', 'home_country', 'timezone', 'employment_type', 'agency', 'title', 'department',
  'manager_id', 'hire_date', 'end_date',
] as const;

/** Turn a zod failure into one readable reason. */
export function schemaReason(err: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return err.issues.map((i) => `${i.path.map(String).join('.') || 'record'}: ${i.message}`).join('; ');
}

export function mapPerson(value: unknown, ctx: MapContext): MapResult {
  const row = value as CsvRow;
  const id = requiredCell(row, 'person_id');
  const kind = oneOf(cell(row, 'employment_type'), ['employee', 'contractor'] as const, 'employment_type') ?? 'employee';
  const tz = cell(row, 'timezone');
  if (tz) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      ctx.warn(`timezone ${JSON.stringify(tz)} is not an IANA time zone (kept as given)`);
    }
  }
  const home = {
    street: cell(row, 'home_street'),
    city: cell(row, 'home_city'),
    region: cell(row, 'home_region'),
    postal_code: cell(row, 'home_postal_code'),
    country: country(cell(row, 'home_country'), 'home_country'),
  };
  const parsed = m.person.safeParse({
    id: m.personKey(kind, id),
    source_id: id,
    kind,
    full_name: requiredCell(row, 'full_name'),
    work_email: cell(row, 'work_email'),
    personal_email: cell(row, 'personal_email'),
    phone: cell(row, 'phone'),
    date_of_birth: isoDay(cell(row, 'date_of_birth'), 'date_of_birth'),
    home: Object.values(home).some((v) => v !== null) ? home : null,
    timezone: tz,
    agency: cell(row, 'agency'),
    title: cell(row, 'title'),
    department: cell(row, 'department'),
    manager_id: cell(row, 'manager_id'),
    hire_date: isoDay(cell(row, 'hire_date'), 'hire_date'),
    end_date: isoDay(cell(row, 'end_date'), 'end_date'),
    extra: extraColumns(row, PEOPLE_COLUMNS),
    source_file: ctx.file,
  });
  if (!parsed.success) throw new RecordError(schemaReason(parsed.error));
  return { outputs: [{ kind: 'person', value: parsed.data }] };
}

export const people: Source = {
  name: 'people',
  read: (file, onBytes) => readCsvRecords(file, { required: ['person_id', 'full_name'], onBytes }),
  map: mapPerson,
};
