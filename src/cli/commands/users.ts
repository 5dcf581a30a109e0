import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { listUsers } from '../../store/repositories/users.js';
import { createUser, publicUser } from '../../serve/services/accounts.js';
import { ROLES } from '../../serve/security/roles.js';
import { action } from '../context.js';

/** Read a password without echoing it (terminal), or the first line of standard input (pipe). */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          return resolve(value);
        }
        if (ch === '\u0003') {
          done();
          return reject(new Error('cancelled'));
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

export function register(program: Command): void {
  const users = program.command('users').description('accounts of the web UI and API');
  users
    .command('add <name>')
    .description('create an account; the password is prompted for, read from standard input, or from --password-file')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password-file <file>', 'read the password from the first line of this file')
    .action(
      action(async (ctx, name: string, opts: { role: string; passwordFile?: string }) => {
        let password: string;
        if (opts.passwordFile) password = readFileSync(opts.passwordFile, 'utf8').split(/\r?\n/)[0] ?? '';
        else {
          password = await readPassword(`password for ${name}: `);
          if (process.stdin.isTTY && (await readPassword('again: ')) !== password) throw new Error('the passwords differ');
        }
        const store = await ctx.store();
        const user = await createUser(store, { username: name, password, role: opts.role });
        ctx.print(`created ${user.username} (${user.role})`, user);
      }),
    );
  users
    .command('list')
    .description('list accounts with their roles')
    .action(
      action(async (ctx) => {
        const rows = (await listUsers(await ctx.store())).map(publicUser);
        const text = rows.length
          ? rows.map((u) => `${u.username.padEnd(24)} ${u.role.padEnd(8)} ${u.disabled ? 'disabled' : 'active  '} since ${u.created_at.slice(0, 10)}`).join('\n')
          : 'no accounts yet: `unmask serve` prints a one-time setup link, or run `unmask users add NAME --role admin`';
        ctx.print(text, rows);
      }),
    );
}
