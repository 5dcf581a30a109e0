/**
 * The identity graph's working memory: every (person, identifier) occurrence as columns of typed
 * arrays, with people and values interned to small integers. A million people with a handful of
 * identifiers each fit in a few hundred megabytes, and the graph code never touches strings.
 */
import { LINK_KINDS, type LinkKind } from '../config/sections/score.js';
import { IDENTIFIER_TYPES, type IdentifierType } from '../model/index.js';

export const IDENTIFIER_TYPE_LIST = Object.keys(IDENTIFIER_TYPES) as IdentifierType[];
const TYPE_INDEX = new Map(IDENTIFIER_TYPE_LIST.map((t, i) => [t, i]));
export const KIND_INDEX = new Map<LinkKind, number>(LINK_KINDS.map((k, i) => [k, i]));

/** Home and shipping addresses meet in one namespace: a laptop shipped to another worker's home is the farm. */
export function linkKindOf(type: IdentifierType): LinkKind {
  return type === 'home_address' || type === 'ship_address' ? 'address' : type;
}

const DAY_MS = 86_400_000;
/** ISO time to fractional days since the epoch; NaN when unknown. */
export function toDays(iso: string | null | undefined): number {
  if (!iso) return NaN;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? NaN : t / DAY_MS;
}

function grow<T extends Int32Array | Float64Array | Uint8Array | Float32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

export class IdentifierIndex {
  /** Subject (person) keys by index. */
  readonly subjects: string[] = [];
  readonly #subjectIds = new Map<string, number>();
  /** The value by value index (its kind is `valueKind`); `display` is what people see (masked for secrets). */
  readonly values: string[] = [];
  readonly valueDisplay: Array<string | null> = [];
  /** One map per kind: no concatenated keys for millions of values. */
  readonly #valueIds = LINK_KINDS.map(() => new Map<string, number>());
  valueKind = new Uint8Array(1024);
  /** Multiplier on the value's link weight (an IP's class); 1 unless set. */
  valueFactor = new Float32Array(1024);

  occSubject = new Int32Array(4096);
  occValue = new Int32Array(4096);
  /** Index into IDENTIFIER_TYPE_LIST: which field the value came from (home or shipping address, ...). */
  occType = new Uint8Array(4096);
  occFirst = new Float64Array(4096);
  occLast = new Float64Array(4096);
  occCount = 0;

  get subjectCount(): number {
    return this.subjects.length;
  }
  get valueCount(): number {
    return this.values.length;
  }

  subject(key: string): number {
    let i = this.#subjectIds.get(key);
    if (i === undefined) {
      i = this.subjects.length;
      this.subjects.push(key);
      this.#subjectIds.set(key, i);
    }
    return i;
  }
  subjectIndex(key: string): number | undefined {
    return this.#subjectIds.get(key);
  }

  value(kind: LinkKind, value: string, display: string | null): number {
    const kindIndex = KIND_INDEX.get(kind)!;
    const ids = this.#valueIds[kindIndex]!;
    let i = ids.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.valueDisplay.push(display);
      this.valueKind = grow(this.valueKind, i + 1);
      this.valueFactor = grow(this.valueFactor, i + 1);
      this.valueKind[i] = kindIndex;
      this.valueFactor[i] = 1;
      ids.set(value, i);
    }
    return i;
  }

  rawValue(valueIndex: number): string {
    return this.values[valueIndex]!;
  }

  add(subject: number, type: IdentifierType, value: string, display: string | null, firstDays = NaN, lastDays = NaN): number {
    const v = this.value(linkKindOf(type), value, display);
    const i = this.occCount++;
    if (i >= this.occSubject.length) {
      const need = i + 1;
      this.occSubject = grow(this.occSubject, need);
      this.occValue = grow(this.occValue, need);
      this.occType = grow(this.occType, need);
      this.occFirst = grow(this.occFirst, need);
      this.occLast = grow(this.occLast, need);
    }
    this.occSubject[i] = subject;
    this.occValue[i] = v;
    this.occType[i] = TYPE_INDEX.get(type)!;
    this.occFirst[i] = firstDays;
    this.occLast[i] = lastDays;
    return v;
  }
}
