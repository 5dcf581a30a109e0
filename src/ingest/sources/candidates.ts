/**
 * candidates.csv: the applicant-tracking export. Identified by `candidate_id` (stored as
 * `candidate:<candidate_id>`). `resume_file` (a .txt or .pdf path relative to the CSV) becomes
 * `resume_text`; `photo_file` (JPEG/PNG) becomes a SHA-256 and a perceptual hash. A missing or
 * unreadable file keeps the candidate and is reported as a warning.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import * as m from '../../model/index.js';
import { pdfText } from '../files/pdf-text.js';
import { photoHashes } from '../files/image-hash.js';
import { readCsvRecords, type CsvRow } from '../stream/csv.js';
import type { MapContext, MapResult, Source } from '../types.js';
import { RecordError } from '../types.js';
import { cell, country, extraColumns, isoTimeOpt, oneOf, requiredCell, splitList } from './fields.js';
import { schemaReason } from './people.js';

export const CANDIDATE_COLUMNS = [
  'candidate_id', 'full_name', 'email', 'phone', 'location_city', 'location_region', 'location_country', 'applied_at',
  'position', 'resume_text', 'resume_file', 'photo_file', 'profile_urls', 'referred_by', 'hired_person_id', 'interview_flags',
] as const;

async function resumeFrom(path: string, ctx: MapContext, col: string): Promise<string | null> {
  const file = resolve(dirname(ctx.file), path);
  if (!existsSync(file)) {
    ctx.warn(`${col} ${JSON.stringify(path)} not found (looked for ${file}); candidate kept without it`);
    return null;
  }
  const ext = extname(file).toLowerCase();
  try {
    if (ext === '.pdf') return await pdfText(file);
    if (ext === '.txt' || ext === '.text' || ext === '.md') return (await readFile(file, 'utf8')).replace(/^\ufeff/, '');
  } catch (e) {
    ctx.warn(`${col} ${JSON.stringify(path)} could not be read: ${(e as Error).message}; candidate kept without it`);
    return null;
  }
  ctx.warn(`${col} ${JSON.stringify(path)}: only .txt and .pdf resumes are read; candidate kept without it`);
  return null;
}

async function photoFrom(path: string, ctx: MapContext): Promise<{ sha256: string | null; phash: string | null }> {
  const file = resolve(dirname(ctx.file), path);
  if (!existsSync(file)) {
    ctx.warn(`photo_file ${JSON.stringify(path)} not found (looked for ${file}); candidate kept without it`);
    return { sha256: null, phash: null };
  }
  const h = await photoHashes(file);
  if (h.problem) ctx.warn(`photo_file ${JSON.stringify(path)}: no perceptual hash (${h.problem}); file hash kept`);
  return { sha256: h.sha256, phash: h.phash };
}

export async function mapCandidate(value: unknown, ctx: MapContext): Promise<MapResult> {
  const row = value as CsvRow;
  const id = requiredCell(row, 'candidate_id');
  const flags = splitList(cell(row, 'interview_flags')).map((f) => oneOf(f, m.INTERVIEW_FLAGS, 'interview flag')!);
  const applied_at = isoTimeOpt(cell(row, 'applied_at'), 'applied_at');
  const locCountry = country(cell(row, 'location_country'), 'location_country');
  let resume_text = cell(row, 'resume_text');
  const resumeFile = cell(row, 'resume_file');
  if (!resume_text && resumeFile) resume_text = await resumeFrom(resumeFile, ctx, 'resume_file');
  const photoFile = cell(row, 'photo_file');
  const photo = photoFile ? await photoFrom(photoFile, ctx) : { sha256: null, phash: null };
  const loc = { city: cell(row, 'location_city'), region: cell(row, 'location_region'), country: locCountry };
  const extra = extraColumns(row, CANDIDATE_COLUMNS);
  if (resumeFile) extra.resume_file = resumeFile;
  if (photoFile) extra.photo_file = photoFile;
  const parsed = m.person.safeParse({
    id: m.personKey('candidate', id),
    source_id: id,
    kind: 'candidate',
    full_name: requiredCell(row, 'full_name'),
    personal_email: cell(row, 'email'),
    phone: cell(row, 'phone'),
    // Where the applicant says they live is kept as their home address.
    home: Object.values(loc).some((v) => v !== null) ? loc : null,
    applied_at,
    position: cell(row, 'position'),
    resume_text,
    photo_sha256: photo.sha256,
    photo_phash: photo.phash,
    profile_urls: splitList(cell(row, 'profile_urls')),
    referred_by: cell(row, 'referred_by'),
    hired_person_id: cell(row, 'hired_person_id'),
    interview_flags: flags,
    extra,
    source_file: ctx.file,
  });
  if (!parsed.success) throw new RecordError(schemaReason(parsed.error));
  return { outputs: [{ kind: 'person', value: parsed.data }] };
}

export const candidates: Source = {
  name: 'candidates',
  read: (file, onBytes) => readCsvRecords(file, { required: ['candidate_id', 'full_name'], onBytes }),
  map: mapCandidate,
};
