import { parseArgs } from 'node:util';
import type { Role } from '@artifact-stories/contracts/schemas';
import { ConfigError, loadConfig } from '../config.ts';
import { createContainer } from '../container.ts';
import type { StaffService } from '../services/staff.service.ts';
import { StaffError } from '../services/staff-error.ts';

const USAGE = `Usage: npm run staff -- <command>

  add <email> --role admin|editor [--name "Full Name"]   create an account (asks for the password)
  passwd <email>                                          set a new password (signs the account out)
  remove <email>                                          delete an account and its sessions
  list                                                    show every account

The password is asked twice on a terminal, or read from the first line of stdin when piped:
  printf '%s\\n' "$PASSWORD" | npm run staff -- add curator@museum.vn --role admin
Uses the database in DATA_DIR (default ./data), like the server.`;

class UsageError extends Error {}

/** Reads a line without echoing it: raw mode, so the password never reaches the terminal or its scrollback. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (fn: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      fn();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(value));
        if (ch === '\u0003' || ch === '\u0004') return done(() => reject(new UsageError('Cancelled.')));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdinLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const line = text.split(/\r?\n/)[0] ?? '';
  if (!line) throw new UsageError('No password on stdin: pipe it in as the first line.');
  return line;
}

async function readPassword(service: StaffService): Promise<string> {
  if (!process.stdin.isTTY) {
    const password = await readStdinLine();
    service.checkPassword(password);
    return password;
  }
  for (;;) {
    const first = await askHidden('Password (at least 12 characters): ');
    try {
      service.checkPassword(first);
    } catch (err) {
      process.stderr.write(`${(err as Error).message}\n`);
      continue;
    }
    if ((await askHidden('Repeat it: ')) === first) return first;
    process.stderr.write('The two passwords differ; try again.\n');
  }
}

function oneEmail(positionals: string[], command: string): string {
  const [email, ...rest] = positionals;
  if (!email || rest.length) throw new UsageError(`\`${command}\` takes exactly one email address.`);
  return email;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    if (!command && !values.help) process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const container = createContainer(config);
  try {
    const service = container.staffAccounts;
    switch (command) {
      case 'add': {
        const email = oneEmail(args, 'add');
        if (values.role !== 'admin' && values.role !== 'editor') {
          throw new UsageError('Give the role: --role admin or --role editor.');
        }
        if (service.find(email)) {
          throw new StaffError(`There is already a staff account for ${email}.`, 409);
        }
        const password = await readPassword(service);
        const user = await service.add({ email, name: values.name, role: values.role as Role, password });
        console.log(`Added ${user.role} ${user.email} (${user.name}).`);
        break;
      }
      case 'passwd': {
        const email = oneEmail(args, 'passwd');
        if (!service.find(email)) {
          throw new StaffError(`No staff account for ${email}.`, 404);
        }
        const user = await service.setPassword(email, await readPassword(service));
        console.log(`New password set for ${user.email}; their open sessions were ended.`);
        break;
      }
      case 'remove': {
        const user = service.remove(oneEmail(args, 'remove'));
        console.log(`Removed ${user.email}.`);
        break;
      }
      case 'list': {
        const all = service.list();
        if (!all.length) console.log('No staff accounts yet. Add the first admin with `add`.');
        for (const s of all) console.log(`${s.role.padEnd(6)}  ${s.email}  ${s.name}`);
        break;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } finally {
    await container.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || (err instanceof TypeError && 'code' in err)) {
    console.error(`error: ${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (err instanceof StaffError || err instanceof ConfigError) {
    console.error(`error: ${err.message}`);
    process.exitCode = 1;
  } else {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
});
