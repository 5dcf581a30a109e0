/**
 * The one logger: human lines to stderr (stdout is for results), silent with --quiet. It prints
 * only what it is given: callers never pass secrets (Unmask only holds their hashes anyway).
 */
export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
  /** A progress line that rewrites itself on a terminal and is dropped elsewhere. */
  progress(msg: string): void;
  done(): void;
}

export function createLogger(opts: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Logger {
  const out = opts.stream ?? process.stderr;
  const tty = Boolean(out.isTTY);
  let pending = false;
  const clear = () => {
    if (pending) {
      out.write('\r\x1b[2K');
      pending = false;
    }
  };
  return {
    info: (m) => {
      if (opts.quiet) return;
      clear();
      out.write(`${m}\n`);
    },
    warn: (m) => {
      clear();
      out.write(`warning: ${m}\n`);
    },
    error: (m) => {
      clear();
      out.write(`error: ${m}\n`);
    },
    progress: (m) => {
      if (opts.quiet || !tty) return;
      out.write(`\r\x1b[2K${m}`);
      pending = true;
    },
    done: clear,
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, progress() {}, done() {} };
