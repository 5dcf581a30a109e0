/** shipments.csv: equipment shipped to people. Identified by `shipment_id`. */
import { personKey } from '../../model/ids.js';
import { SHIPMENT_STATUSES } from '../../model/values.js';
import { readCsvRecords, type CsvRow } from '../stream/csv.js';
import type { MapContext, MapResult, Source } from '../types.js';
import { cell, country, isoTimeOpt, oneOf, requiredCell } from './fields.js';

export function mapShipment(value: unknown, ctx: MapContext): MapResult {
  const row = value as CsvRow;
  return {
    outputs: [
      {
        kind: 'shipment',
        value: {
          id: requiredCell(row, 'shipment_id'),
          person_id: personKey('employee', requiredCell(row, 'person_id')),
          device_serial: cell(row, 'device_serial'),
          asset_tag: cell(row, 'asset_tag'),
          shipped_at: isoTimeOpt(cell(row, 'shipped_at'), 'shipped_at'),
          address: {
            street: cell(row, 'ship_street'),
            city: cell(row, 'ship_city'),
            region: cell(row, 'ship_region'),
            postal_code: cell(row, 'ship_postal_code'),
            country: country(cell(row, 'ship_country'), 'ship_country'),
          },
          status: oneOf(cell(row, 'status'), SHIPMENT_STATUSES, 'status'),
          source_file: ctx.file,
        },
      },
    ],
  };
}

export const shipments: Source = {
  name: 'shipments',
  read: (file, onBytes) => readCsvRecords(file, { required: ['shipment_id', 'person_id'], onBytes }),
  map: mapShipment,
};
