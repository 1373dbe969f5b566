import type { Command } from 'commander';

/** Reads a password: hidden prompt on a terminal, otherwise the first line of stdin. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (err?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on('data', onData);
  });
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage review users');
  user
    .command('add')
    .description('add a review user; prompts for the password (not echoed) or reads it from stdin')
    .argument('<name>', 'login name')
    .option('--role <role>', 'reviewer or admin', 'reviewer')
    .option('--force', 'replace the password and role of an existing user')
    .action(async (name: string, opts: { role: string; force?: boolean }) => {
      const { ConfigError } = await import('../errors.ts');
      if (opts.role !== 'reviewer' && opts.role !== 'admin') throw new ConfigError(`--role: expected reviewer or admin, got "${opts.role}"`);
      if (!/^[\p{L}\p{N}._@-]{1,100}$/u.test(name)) throw new ConfigError(`NAME: expected 1-100 letters, digits or . _ @ -, got "${name}"`);
      const { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, hashPassword } = await import('../web/passwords.ts');
      const password = await readPassword(`password for ${name}: `);
      if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
        throw new ConfigError(`password: expected ${MIN_PASSWORD_LENGTH}-${MAX_PASSWORD_LENGTH} characters`);
      }
      const { loadSettings } = await import('../config.ts');
      const { Db } = await import('../store/db.ts');
      const { insertUser, updateUserPassword } = await import('../store/users.ts');
      const db = new Db(loadSettings().databaseUrl, { max: 1 });
      try {
        const hash = await hashPassword(password);
        const role = opts.role;
        try {
          await insertUser(db, name, hash, role);
          process.stdout.write(`added ${role} "${name}"\n`);
        } catch (err) {
          if ((err as { code?: string }).code !== '23505') throw err;
          if (!opts.force) throw new ConfigError(`user "${name}" exists; pass --force to replace the password`, { cause: err });
          await updateUserPassword(db, name, hash, role);
          process.stdout.write(`updated ${role} "${name}"\n`);
        }
      } finally {
        await db.close();
      }
    });
}
