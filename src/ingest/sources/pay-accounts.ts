/**
 * pay_accounts.csv: where each person's pay goes, from a date. Account numbers, IBANs and wallets
 * are sealed (keyed hash + last four) as the row is read; the clear value is dropped there.
 * Identified by a hash of person, date, method and the sealed destinations.
 */
import { contentId, personKey } from '../../model/ids.js';
import { PAY_METHODS } from '../../model/values.js';
import { readCsvRecords, type CsvRow } from '../stream/csv.js';
import type { MapContext, MapResult, Source } from '../types.js';
import { RecordError } from '../types.js';
import { cell, country, isoDay, oneOf, requiredCell } from './fields.js';

export const PAY_SECRET_COLUMNS = ['account_number', 'iban', 'wallet_address'];

export function mapPayAccount(value: unknown, ctx: MapContext): MapResult {
  const row = value as CsvRow;
  const person = requiredCell(row, 'person_id');
  const effective_date = isoDay(requiredCell(row, 'effective_date'), 'effective_date')!;
  const method = oneOf(requiredCell(row, 'method'), PAY_METHODS, 'method');
  if (!method) throw new RecordError('missing required field method');
  const account = ctx.key.seal('account', cell(row, 'account_number'));
  const iban = ctx.key.seal('iban', cell(row, 'iban'));
  const wallet = ctx.key.seal('wallet', cell(row, 'wallet_address'));
  const bank_name = cell(row, 'bank_name');
  const routing_number = cell(row, 'routing_number');
  return {
    outputs: [
      {
        kind: 'pay_account',
        value: {
          id: contentId('pay_account', person, effective_date, method, bank_name, routing_number, account?.hash, iban?.hash, wallet?.hash),
          person_id: personKey('employee', person),
          effective_date,
          method,
          bank_name,
          bank_country: country(cell(row, 'bank_country'), 'bank_country'),
          routing_number,
          account,
          iban,
          wallet,
          account_holder: cell(row, 'account_holder'),
          source_file: ctx.file,
        },
      },
    ],
  };
}

export const payAccounts: Source = {
  name: 'pay_accounts',
  read: (file, onBytes) => readCsvRecords(file, { required: ['person_id', 'effective_date', 'method'], secretColumns: PAY_SECRET_COLUMNS, onBytes }),
  map: mapPayAccount,
};
