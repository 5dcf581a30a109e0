/**
 * Name patterns of the reference catalogs: case-insensitive, `*` matches any run of characters,
 * everything else is literal. Compiled once per catalog into one regular expression per list.
 */
const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

export function globSource(pattern: string): string {
  return pattern.split('*').map(escape).join('.*');
}

/** One anchored, case-insensitive matcher for a list of glob patterns; null when the list is empty. */
export function compileGlobs(patterns: readonly string[]): RegExp | null {
  const parts = patterns.filter((p) => p.trim() !== '').map(globSource);
  return parts.length ? new RegExp(`^(?:${parts.join('|')})$`, 'i') : null;
}

/** `5938`, `"21115-21117"` → the ports they cover. */
export function expandPorts(specs: ReadonlyArray<number | string>): number[] {
  const out: number[] = [];
  for (const s of specs) {
    if (typeof s === 'number') out.push(s);
    else {
      const m = /^(\d+)\s*-\s*(\d+)$/.exec(s.trim());
      if (m) for (let p = Number(m[1]); p <= Number(m[2]); p++) out.push(p);
      else if (/^\d+$/.test(s.trim())) out.push(Number(s));
    }
  }
  return out;
}

/** The file name of a path on any platform (`C:\x\AnyDesk.exe` → `AnyDesk.exe`). */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}
