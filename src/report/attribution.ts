/**
 * Credits for the data behind a report, as each license asks: the enrichment datasets (DB-IP and
 * the ASN tables are CC BY 4.0 and must be credited wherever their data shows), the sanctions
 * lists loaded, and the reference catalogs the rules that fired are built from.
 */
import { allDatasets } from '../enrich/datasets.js';

export interface DataSource {
  name: string;
  kind: 'enrichment' | 'sanctions_list' | 'rule_reference';
  license: string;
  attribution: string;
  version: string | null;
  date: string | null;
}

const SANCTIONS_LICENSES: Record<string, { license: string; attribution: string }> = {
  'ofac-sdn': { license: 'US government work, public domain', attribution: 'US Department of the Treasury, Office of Foreign Assets Control (OFAC)' },
  'ofac-cons': { license: 'US government work, public domain', attribution: 'US Department of the Treasury, Office of Foreign Assets Control (OFAC)' },
  'un-sc': { license: 'UN public information', attribution: 'United Nations Security Council Consolidated List' },
  opensanctions: { license: 'CC BY-NC 4.0 (commercial use needs a license from OpenSanctions)', attribution: 'Data from OpenSanctions (https://www.opensanctions.org), CC BY-NC 4.0' },
};

/** Rule sources that carry a license name in parentheses, e.g. "LOLRMM catalog ... (magicsword-io/LOLRMM, Apache-2.0)". */
const LICENSED_SOURCE = /^(.*)\(([^()]*),\s*(Apache-2\.0|MIT|CC[- ][A-Z0-9 .-]+|DRL[ 0-9.]+|BSD[^)]*|Elastic License 2\.0)\)\s*$/;

export function dataSources(lists: Array<{ source: string; name: string; published_at: string | null }>, ruleSources: string[]): DataSource[] {
  const out: DataSource[] = allDatasets().map((d) => ({ name: d.name, kind: 'enrichment', license: d.license, attribution: d.attribution, version: d.version, date: d.date }));
  for (const l of lists) {
    const lic = SANCTIONS_LICENSES[l.source] ?? { license: 'see the publisher', attribution: l.name };
    out.push({ name: l.name, kind: 'sanctions_list', license: lic.license, attribution: lic.attribution, version: null, date: l.published_at });
  }
  for (const s of [...new Set(ruleSources)].sort()) {
    const m = LICENSED_SOURCE.exec(s);
    if (m) out.push({ name: m[1]!.trim(), kind: 'rule_reference', license: m[3]!, attribution: `${m[1]!.trim()} (${m[2]!.trim()})`, version: null, date: null });
  }
  return out;
}
