/**
 * payments.csv: individual payments. Identified by `payment_id`. Destinations are sealed as read,
 * like pay_accounts.csv.
 */
import { personKey } from '../../model/ids.js';
import { readCsvRecords, type CsvRow } from '../stream/csv.js';
import type { MapContext, MapResult, Source } from '../types.js';
import { RecordError } from '../types.js';
import { cell, isoTime, requiredCell } from './fields.js';
import { PAY_SECRET_COLUMNS } from './pay-accounts.js';

export function mapPayment(value: unknown, ctx: MapContext): MapResult {
  const row = value as CsvRow;
  const amountText = requiredCell(row, 'amount');
  const amount = Number(amountText);
  if (!/^-?\d+(\.\d+)?$/.test(amountText) || !Number.isFinite(amount)) throw new RecordError(`amount is not a number: ${JSON.stringify(amountText)}`);
  const currency = requiredCell(row, 'currency').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new RecordError(`currency must be an ISO 4217 code, found ${JSON.stringify(currency)}`);
  return {
    outputs: [
      {
        kind: 'payment',
        value: {
          id: requiredCell(row, 'payment_id'),
          person_id: personKey('employee', requiredCell(row, 'person_id')),
          paid_at: isoTime(requiredCell(row, 'paid_at'), 'paid_at'),
          amount,
          currency,
          account: ctx.key.seal('account', cell(row, 'account_number')),
          iban: ctx.key.seal('iban', cell(row, 'iban')),
          wallet: ctx.key.seal('wallet', cell(row, 'wallet_address')),
          source_file: ctx.file,
        },
      },
    ],
  };
}

export const payments: Source = {
  name: 'payments',
  read: (file, onBytes) =>
    readCsvRecords(file, { required: ['payment_id', 'person_id', 'paid_at', 'amount', 'currency'], secretColumns: PAY_SECRET_COLUMNS, onBytes }),
  map: mapPayment,
};
