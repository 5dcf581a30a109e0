/**
 * devices.csv: the asset / device-management inventory. Identified by `device_serial`; `person_id`
 * assigns the device to `person:<person_id>`. Platform aliases `macos`, `mac`, `osx` read as
 * `darwin` and `win` as `windows`.
 */
import { readCsvRecords, type CsvRow } from '../stream/csv.js';
import { personKey } from '../../model/ids.js';
import { PLATFORMS } from '../../model/values.js';
import type { MapContext, MapResult, Source } from '../types.js';
import { cell, isoTimeOpt, oneOf, requiredCell } from './fields.js';

export function mapDevice(value: unknown, ctx: MapContext): MapResult {
  const row = value as CsvRow;
  const owner = cell(row, 'person_id');
  return {
    outputs: [
      {
        kind: 'device',
        value: {
          serial: requiredCell(row, 'device_serial'),
          hostname: cell(row, 'hostname'),
          person_id: owner ? personKey('employee', owner) : null,
          platform: oneOf<(typeof PLATFORMS)[number]>(cell(row, 'platform'), PLATFORMS, 'platform', { macos: 'darwin', mac: 'darwin', osx: 'darwin', win: 'windows' }),
          enrolled_at: isoTimeOpt(cell(row, 'enrolled_at'), 'enrolled_at'),
          host_identifier: null,
          source_file: ctx.file,
        },
      },
    ],
  };
}

export const devices: Source = {
  name: 'devices',
  read: (file, onBytes) => readCsvRecords(file, { required: ['device_serial'], onBytes }),
  map: mapDevice,
};
