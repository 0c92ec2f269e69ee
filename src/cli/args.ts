import { parseArgs } from 'node:util';
import { AppError } from '../errors.ts';

export const CLI_OPTIONS = {
  json: { type: 'boolean' },
  all: { type: 'boolean' },
  status: { type: 'string' },
  limit: { type: 'string' },
  weeks: { type: 'string' },
  reason: { type: 'string' },
  outcome: { type: 'string' },
  to: { type: 'string' },
  as: { type: 'string' },
  lang: { type: 'string' },
  received: { type: 'string' },
  route: { type: 'string' },
  'extend-weeks': { type: 'string' },
  year: { type: 'string' },
  send: { type: 'boolean' },
  preview: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type CliValues = ReturnType<typeof parseCli>['values'];

export function parseCli(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: CLI_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AppError('usage', `${(error as Error).message}. Run "npm run cli -- --help" for the commands.`, { permanent: true });
  }
}

export const USAGE = `klachtenopvang command line

  complaints list [--status S] [--limit N] [--json]
  complaints show <id> [--json]
  complaints retriage <id> | --all
  complaints extend <id> --weeks N --reason "..."
  complaints committee <id> [--reason "..."]
  complaints close <id> --outcome "..."
  complaints reopen <id> [--reason "..."]
  complaints assign <id> --to <officer e-mail>
  complaints not-handled <id> --reason "..."
  triage <file.eml|-> [--json]                 (no servers needed)
  deadline --received YYYY-MM-DD [--route standard|committee] [--extend-weeks N] [--json]
  templates preview <type> [--lang nl|en]      (no servers needed)
  digest --preview | --send
  report --year YYYY [--json]
  mailbox check                                 (records missing for processed mail?)

Officer actions are recorded with the name in --as, else $USER.`;
