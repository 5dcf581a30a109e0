/**
 * Names, mail providers, phone area codes and banks. Names come from many backgrounds at everyday
 * rates, for ordinary staff and hidden workers alike: Unmask looks for misrepresentation, never
 * for origin, so the simulator gives it no origin to find.
 */
import type { Rng } from '../random.js';

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan',
  'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Charles', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra',
  'Mark', 'Ashley', 'Steven', 'Emily', 'Andrew', 'Michelle', 'Joshua', 'Amanda', 'Kevin', 'Melissa', 'Brian', 'Stephanie', 'Ryan', 'Rebecca',
  'Jacob', 'Laura', 'Nicholas', 'Megan', 'Tyler', 'Rachel', 'Brandon', 'Hannah', 'Justin', 'Olivia', 'Ethan', 'Emma', 'Noah', 'Ava', 'Liam',
  'Sophia', 'Logan', 'Chloe', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Avery', 'Dylan', 'Grace', 'Caleb', 'Natalie', 'Aaron', 'Lauren',
  'Jose', 'Maria', 'Luis', 'Carmen', 'Carlos', 'Ana', 'Miguel', 'Sofia', 'Diego', 'Valentina', 'Alejandro', 'Camila', 'Javier', 'Lucia',
  'DeShawn', 'Aaliyah', 'Jamal', 'Imani', 'Malik', 'Keisha', 'Darnell', 'Tasha', 'Andre', 'Jasmine',
  'Wei', 'Mei', 'Jun', 'Li', 'Hao', 'Xin', 'Min-jun', 'Ji-woo', 'Seo-yeon', 'Hyun', 'Duc', 'Linh', 'Minh', 'Thao', 'Hiroshi', 'Yuki',
  'Priya', 'Rahul', 'Ananya', 'Arjun', 'Deepa', 'Vikram', 'Neha', 'Sanjay', 'Kavya', 'Rohan',
  'Omar', 'Fatima', 'Ahmed', 'Layla', 'Yusuf', 'Amira', 'Tomasz', 'Katarzyna', 'Piotr', 'Agnieszka', 'João', 'Beatriz', 'Lukas', 'Hannah',
  'Oliver', 'Amelia', 'Harry', 'Isla', 'Sean', 'Aoife', 'Pierre', 'Camille', 'Kwame', 'Ama', 'Chidi', 'Ngozi',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez',
  'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark',
  'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green',
  'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz',
  'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan',
  'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez',
  'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long',
  'Ross', 'Foster', 'Jimenez', 'Chen', 'Wang', 'Zhang', 'Liu', 'Huang', 'Park', 'Choi', 'Jung', 'Tran', 'Pham', 'Le', 'Tanaka', 'Sato',
  'Shah', 'Sharma', 'Gupta', 'Singh', 'Kumar', 'Reddy', 'Iyer', 'Khan', 'Ali', 'Hassan', 'Nowak', 'Kowalski', 'Wiśniewski', 'Silva',
  'Santos', 'Ferreira', 'Müller', 'Schmidt', 'Schneider', 'Fischer', "O'Brien", 'Byrne', 'Murray', 'Dubois', 'Okafor', 'Mensah', 'Owusu',
];

export const FREE_MAIL = ['gmail.com', 'gmail.com', 'gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com', 'proton.me', 'aol.com'];
/** Throw-away mail services (real, widely listed disposable domains). */
export const DISPOSABLE_MAIL = ['mailinator.com', 'guerrillamail.com', 'yopmail.com', 'sharklasers.com', 'maildrop.cc', 'dispostable.com', 'trashmail.com'];

export const COMPANY = { name: 'Ridgeway Analytics', domain: 'ridgeway-analytics.com', oktaOrg: 'ridgeway-analytics.okta.com', tenantId: '5f1c2b7e-9a43-4d8e-b6c1-3e0a7d92f4b8', googleCustomer: 'C03az79cb' };

/** ASCII fold for mail handles: `João Müller` → `joao.muller`. */
export function handle(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toLowerCase();
}

export function personalEmail(first: string, last: string, rng: Rng, domain = rng.pick(FREE_MAIL)): string {
  const f = handle(first);
  const l = handle(last);
  const style = rng.int(0, 4);
  const local = style === 0 ? `${f}.${l}` : style === 1 ? `${f}${l}${rng.int(1, 99)}` : style === 2 ? `${f[0]}${l}` : style === 3 ? `${f}_${l}${rng.int(70, 99)}` : `${l}.${f}`;
  return `${local}@${domain}`;
}

/** Area codes for the simulated US cities. */
const AREA_CODES: Record<string, number[]> = {
  WA: [206, 253, 425, 509], OR: [503, 971], ID: [208], CA: [415, 408, 916, 213, 310, 619, 858, 510], NV: [702], AZ: [602, 480, 520], UT: [801, 385],
  CO: [303, 720, 719], NM: [505], MT: [406], WY: [307], ND: [701], SD: [605], NE: [402], MN: [612, 651], IA: [515], MO: [816, 314], WI: [414, 608],
  IL: [312, 773, 872], IN: [317], MI: [313, 734, 616], OH: [614, 216, 513], KY: [502, 859], TN: [615, 865, 901], GA: [404, 678, 470], AL: [205],
  MS: [601], LA: [504], AR: [501], OK: [405], TX: [214, 512, 713, 210, 469, 737, 832], FL: [305, 813, 407, 904, 786], SC: [843], NC: [704, 919, 336, 984],
  VA: [804, 703, 757, 571], MD: [410, 443], DE: [302], PA: [215, 412, 267], NJ: [201, 973], NY: [212, 718, 646, 716, 585, 347], CT: [860], RI: [401],
  MA: [617, 857], NH: [603], VT: [802], ME: [207],
};

/** A US phone number for a state, in one of the formats people type (E.164 preferred). */
export function usPhone(region: string, rng: Rng): string {
  const area = rng.pick(AREA_CODES[region] ?? [212, 312, 415]);
  let exchange = rng.int(201, 989);
  if (exchange % 100 === 11 || exchange === 555) exchange += 1; // N11 codes and 555 are not assignable
  const line = String(rng.int(0, 9999)).padStart(4, '0');
  const style = rng.int(0, 9);
  if (style < 6) return `+1${area}${exchange}${line}`;
  if (style < 8) return `(${area}) ${exchange}-${line}`;
  return `${area}-${exchange}-${line}`;
}

/** A phone number for another country, E.164 (mobile ranges). */
export function foreignPhone(country: string, rng: Rng): string {
  switch (country) {
    case 'CA': return `+1${rng.pick([416, 647, 604, 778, 403, 587])}${rng.int(201, 989)}${rng.digits(4)}`;
    case 'GB': return `+447${rng.pick(['4', '5', '7', '8', '9'])}${rng.digits(8)}`;
    case 'IE': return `+3538${rng.pick(['3', '5', '6', '7'])}${rng.digits(7)}`;
    case 'DE': return `+4915${rng.pick(['1', '2', '7', '9'])}${rng.digits(8)}`;
    case 'PL': return `+48${rng.pick(['50', '51', '53', '60', '66', '69', '72', '79', '88'])}${rng.digits(7)}`;
    case 'PT': return `+3519${rng.pick(['1', '2', '3', '6'])}${rng.digits(7)}`;
    case 'IN': return `+91${rng.pick(['98', '99', '97', '96', '90', '88', '70'])}${rng.digits(8)}`;
    case 'MX': return `+52${rng.pick(['33', '55'])}${rng.digits(8)}`;
    case 'FR': return `+336${rng.digits(8)}`;
    case 'CN': return `+861${rng.pick(['39', '38', '86', '59', '88'])}${rng.digits(8)}`;
    default: return `+1${rng.int(201, 989)}${rng.int(201, 989)}${rng.digits(4)}`;
  }
}

export interface Bank {
  name: string;
  country: string;
  routing?: string;
}

/** Real banks with their real published ABA routing numbers. */
export const US_BANKS: Bank[] = [
  { name: 'JPMorgan Chase Bank', country: 'US', routing: '021000021' },
  { name: 'Bank of America', country: 'US', routing: '026009593' },
  { name: 'Wells Fargo Bank', country: 'US', routing: '121000248' },
  { name: 'Citibank', country: 'US', routing: '021000089' },
  { name: 'U.S. Bank', country: 'US', routing: '091000022' },
  { name: 'PNC Bank', country: 'US', routing: '043000096' },
  { name: 'Navy Federal Credit Union', country: 'US', routing: '256074974' },
  { name: 'USAA Federal Savings Bank', country: 'US', routing: '314074269' },
  { name: 'Ally Bank', country: 'US', routing: '124003116' },
  { name: 'The Bancorp Bank (Chime)', country: 'US', routing: '031101279' },
];

export const FOREIGN_BANKS: Record<string, Bank[]> = {
  CA: [{ name: 'Royal Bank of Canada', country: 'CA' }, { name: 'TD Canada Trust', country: 'CA' }],
  GB: [{ name: 'Barclays Bank UK', country: 'GB' }, { name: 'Lloyds Bank', country: 'GB' }, { name: 'Monzo Bank', country: 'GB' }],
  IE: [{ name: 'Allied Irish Banks', country: 'IE' }, { name: 'Bank of Ireland', country: 'IE' }],
  DE: [{ name: 'Deutsche Bank', country: 'DE' }, { name: 'Berliner Sparkasse', country: 'DE' }, { name: 'N26 Bank', country: 'DE' }],
  PL: [{ name: 'PKO Bank Polski', country: 'PL' }, { name: 'mBank', country: 'PL' }],
  PT: [{ name: 'Millennium bcp', country: 'PT' }, { name: 'Caixa Geral de Depósitos', country: 'PT' }],
  IN: [{ name: 'HDFC Bank', country: 'IN' }, { name: 'ICICI Bank', country: 'IN' }],
  MX: [{ name: 'BBVA México', country: 'MX' }, { name: 'Banorte', country: 'MX' }],
  CN: [{ name: 'Bank of China', country: 'CN' }, { name: 'Industrial and Commercial Bank of China', country: 'CN' }],
};

export const CURRENCY: Record<string, string> = { US: 'USD', CA: 'CAD', GB: 'GBP', IE: 'EUR', DE: 'EUR', PL: 'PLN', PT: 'EUR', IN: 'INR', MX: 'MXN', CN: 'CNY' };

/** Rough yearly pay in local currency per country, relative to the US figure. */
export const PAY_FACTOR: Record<string, number> = { US: 1, CA: 1.1, GB: 0.62, IE: 0.75, DE: 0.72, PL: 1.9, PT: 0.45, IN: 40, MX: 9, CN: 3 };

function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % 97;
  return r;
}

/** An IBAN with correct check digits (ISO 13616) from a country and its BBAN. */
export function iban(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = String(98 - mod97(rearranged)).padStart(2, '0');
  return `${country}${check}${bban}`;
}

export function ibanFor(country: string, rng: Rng): string | null {
  switch (country) {
    case 'GB': return iban('GB', `${rng.pick(['BARC', 'LOYD', 'MONZ', 'HBUK'])}${rng.digits(6)}${rng.digits(8)}`);
    case 'IE': return iban('IE', `${rng.pick(['AIBK', 'BOFI'])}${rng.digits(6)}${rng.digits(8)}`);
    case 'DE': return iban('DE', `${rng.pick(['10070000', '10050000', '10011001'])}${rng.digits(10)}`);
    case 'PL': return iban('PL', `${rng.pick(['10201026', '11402004'])}${rng.digits(16)}`);
    case 'PT': return iban('PT', `${rng.pick(['0033', '0035'])}0000${rng.digits(13)}`);
    default: return null;
  }
}

/** A TRON (TRC-20 USDT) address shape: `T` and 33 base58 characters. */
export function tronAddress(rng: Rng): string {
  return `T${rng.chars(33, '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz')}`;
}

export const AGENCIES = ['TEKsystems', 'Insight Global', 'Robert Half', 'Randstad Digital', 'Kforce'];

export const PAST_EMPLOYERS = [
  'Brightline Health', 'Cobalt Logistics', 'Summit Financial Group', 'Northstar Retail', 'Bluewater Media', 'Pioneer Insurance', 'Atlas Freight',
  'Cedar Point Software', 'Harborview Systems', 'Granite Labs', 'Keystone Payments', 'Redwood Commerce', 'Silverline Data', 'Tidewater Energy',
  'Evergreen Learning', 'Lighthouse Analytics', 'Meridian Bank', 'Oakmont Healthcare', 'Crescent Mobility', 'Vantage Telecom',
];

export const UNIVERSITIES = [
  'University of Texas at Austin', 'Georgia Institute of Technology', 'University of Washington', 'Ohio State University', 'Arizona State University',
  'University of Michigan', 'Purdue University', 'Rutgers University', 'University of Florida', 'Penn State University', 'University of Illinois Urbana-Champaign',
  'North Carolina State University', 'University of Minnesota', 'San Jose State University', 'Boston University', 'University of Toronto',
  'University College London', 'Technical University of Munich', 'Warsaw University of Technology', 'University of Lisbon', 'Indian Institute of Technology Bombay',
];
