/** Every source, by name. */
import type { Source, SourceName } from '../types.js';
import { candidates } from './candidates.js';
import { devices } from './devices.js';
import { entra } from './entra.js';
import { google } from './google.js';
import { okta } from './okta.js';
import { osquery } from './osquery.js';
import { payAccounts } from './pay-accounts.js';
import { payments } from './payments.js';
import { people } from './people.js';
import { shipments } from './shipments.js';
import { zeek } from './zeek.js';

export const SOURCES: Record<SourceName, Source> = {
  people,
  candidates,
  devices,
  shipments,
  pay_accounts: payAccounts,
  payments,
  okta,
  entra,
  google,
  osquery,
  zeek,
};
