/**
 * osquery result logs (filesystem logger, NDJSON; pretty-printed objects are read too): snapshot
 * results (`snapshot` array), event-format differential results (`action` + `columns`) and batched
 * ones (`diffResults.added/removed`). The host is `hostIdentifier` (older logs: `hostname`); the
 * device is found by a `decorations` serial, by a serial learned for the host, or by the host's
 * own `system_info.hardware_serial`. Rows are identified by a hash of host, query, action, time and
 * columns.
 */
import { contentId } from '../../model/ids.js';
import type * as m from '../../model/index.js';
import { tableForQuery } from '../osquery-pack.js';
import { readJsonRecords } from '../stream/json.js';
import type { MapContext, MapResult, Output, Source } from '../types.js';
import { RecordError } from '../types.js';
import { asObject, epochSeconds, isObj, looseTime, obj, str } from './fields.js';

function columnsOf(v: unknown, where: string): Record<string, string> {
  if (!isObj(v)) throw new RecordError(`${where} is not an object of columns`);
  const out: Record<string, string> = {};
  for (const k of Object.keys(v).sort()) {
    const x = v[k];
    out[k] = x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x);
  }
  return out;
}

function observedAt(r: Record<string, unknown>): string {
  if (str(r.unixTime) !== null) return epochSeconds(r.unixTime, 'unixTime');
  const cal = str(r.calendarTime);
  if (cal === null) throw new RecordError('missing unixTime and calendarTime');
  // osquery writes calendarTime in UTC; older versions leave the zone off.
  return looseTime(/(UTC|GMT|[+-]\d{4})$/.test(cal) ? cal : `${cal} UTC`, 'calendarTime');
}

export function mapOsquery(value: unknown, ctx: MapContext): MapResult {
  const r = asObject(value);
  const name = str(r.name);
  if (!name) throw new RecordError('missing name (the query name)');
  const host = str(r.hostIdentifier) ?? str(r.hostname);
  if (!host) throw new RecordError('missing hostIdentifier');
  const observed_at = observedAt(r);
  const table = tableForQuery(name, ctx.config?.ingest?.osquery_query_tables ?? {});
  const deco = obj(r.decorations);
  const decoSerial = str(deco.hardware_serial) ?? str(deco.serial);

  const rows: Array<{ action: m.EndpointRow['action']; columns: Record<string, string> }> = [];
  const action = str(r.action);
  if (r.diffResults !== undefined) {
    const diff = obj(r.diffResults);
    for (const [act, list] of [['added', diff.added], ['removed', diff.removed]] as const) {
      if (list === undefined) continue;
      if (!Array.isArray(list)) throw new RecordError(`diffResults.${act} is not an array`);
      list.forEach((c, i) => rows.push({ action: act, columns: columnsOf(c, `diffResults.${act}[${i}]`) }));
    }
  } else if (action === 'snapshot') {
    if (!Array.isArray(r.snapshot)) throw new RecordError('snapshot result without a snapshot array');
    r.snapshot.forEach((c, i) => rows.push({ action: 'snapshot', columns: columnsOf(c, `snapshot[${i}]`) }));
  } else if (action === 'added' || action === 'removed') {
    rows.push({ action, columns: columnsOf(r.columns, 'columns') });
  } else if (action === null) {
    throw new RecordError('missing action (expected snapshot, added or removed, or diffResults)');
  } else {
    throw new RecordError(`unknown action ${JSON.stringify(action)} (expected snapshot, added or removed)`);
  }
  if (rows.length === 0) return { outputs: [], skipped: 'result with no rows' };

  const outputs: Output[] = [];
  let serial = decoSerial;
  if (table === 'system_info') {
    const hw = rows.map((x) => str(x.columns.hardware_serial)).find((s) => s && s !== '0' && !/^(none|unknown|default string)$/i.test(s));
    if (hw) {
      serial = serial ?? hw;
      const hostname = str(rows[0]!.columns.hostname) ?? str(rows[0]!.columns.computer_name);
      outputs.push({ kind: 'host_serial', host, serial: hw, hostname });
    }
  }
  if (decoSerial) outputs.push({ kind: 'host_serial', host, serial: decoSerial });
  serial = serial ?? ctx.lookups.serialByHost(host) ?? null;

  for (const row of rows) {
    const columnsJson = JSON.stringify(row.columns);
    outputs.push({
      kind: 'endpoint',
      value: {
        id: contentId('osquery', host, name, row.action, observed_at, columnsJson),
        host_identifier: host,
        device_serial: serial,
        query_name: name,
        table_name: table,
        action: row.action,
        observed_at,
        columns: row.columns,
        source_file: ctx.file,
        source_line: ctx.line,
      },
    });
  }
  return { outputs };
}

export const osquery: Source = {
  name: 'osquery',
  read: (file, onBytes) => readJsonRecords(file, { onBytes }),
  map: mapOsquery,
};
