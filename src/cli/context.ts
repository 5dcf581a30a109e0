/**
 * What every command shares: the global options, the loaded configuration, the store and the
 * secret key, opened once and closed at the end.
 */
import type { Command } from 'commander';
import { loadConfig, type UnmaskConfig } from '../config/config.js';
import { SecretKey } from '../config/secret.js';
import { openStore, type Store } from '../store/db.js';
import { createLogger, type Logger } from '../util/log.js';

export interface GlobalOptions {
  db?: string;
  config?: string;
  json?: boolean;
  quiet?: boolean;
}

export interface CommandContext {
  options: GlobalOptions;
  config: UnmaskConfig;
  log: Logger;
  /** Opened on first use. */
  store(): Promise<Store>;
  secretKey(): SecretKey;
  /** Print a result: JSON with --json, else the text. */
  print(text: string, json?: unknown): void;
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

export function createContext(options: GlobalOptions): CommandContext & { close(): Promise<void> } {
  const config = loadConfig(options.config);
  if (options.db) config.database = options.db;
  const log = createLogger({ quiet: options.quiet });
  let store: Promise<Store> | null = null;
  let key: SecretKey | null = null;
  return {
    options,
    config,
    log,
    store: () => (store ??= openStore(config.database)),
    secretKey: () => (key ??= SecretKey.load(config.secret_key_file)),
    print(text, json) {
      if (options.json && json !== undefined) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    async close() {
      if (store) await (await store).close();
    },
  };
}

/** Wrap a command action: build the context, run, always close the store. */
export function action<A extends unknown[]>(fn: (ctx: CommandContext, ...args: A) => Promise<void>) {
  return async (...args: A) => {
    const cmd = args[args.length - 1] as Command;
    const ctx = createContext(globalOptions(cmd));
    try {
      await fn(ctx, ...args);
    } finally {
      await ctx.close();
    }
  };
}
