import { parseArgs } from 'node:util';
import { AppError } from '../errors.ts';

export const CLI_OPTIONS = {
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  all: { type: 'boolean' },
  status: { type: 'string' },
  'due-within': { type: 'string' },
  sender: { type: 'string' },
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
  'dry-run': { type: 'boolean' },
  summary: { type: 'string' },
  'no-letter': { type: 'string' },
  template: { type: 'string' },
  reasons: { type: 'string' },
  'reasons-file': { type: 'string' },
  body: { type: 'string' },
  'body-file': { type: 'string' },
  'no-ombudsman': { type: 'boolean' },
  ombudsman: { type: 'boolean' },
  date: { type: 'string' },
  time: { type: 'string' },
  how: { type: 'string' },
  place: { type: 'string' },
  attendees: { type: 'string' },
  ground: { type: 'string' },
  note: { type: 'string' },
  channel: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  street: { type: 'string' },
  'house-number': { type: 'string' },
  postcode: { type: 'string' },
  city: { type: 'string' },
  description: { type: 'string' },
  'description-file': { type: 'string' },
  employee: { type: 'string', multiple: true },
  anonymous: { type: 'boolean' },
  kind: { type: 'string' },
  urgent: { type: 'string' },
  flags: { type: 'string' },
  role: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type CliValues = ReturnType<typeof parseCli>['values'];

export function parseCli(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: CLI_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AppError('usage', `${(error as Error).message}\n\n${USAGE}`, { permanent: true });
  }
}

/** Commands and their sub-commands (null: none), checked before any connection is opened. */
export const COMMANDS: Record<string, readonly string[] | null> = {
  complaints: [
    'list',
    'show',
    'retriage',
    'extend',
    'committee',
    'close',
    'reopen',
    'assign',
    'not-handled',
    'purge-expired',
    'write',
    'heard',
    'hearing-waived',
    'register',
    'correct-triage',
    'note',
  ],
  triage: null,
  deadline: null,
  templates: ['preview'],
  digest: null,
  report: null,
  mailbox: ['check'],
  officers: ['add', 'list', 'disable'],
  audit: ['export'],
};

/** Commands that need no Redis and no mail server. */
export const OFFLINE_COMMANDS: readonly string[] = ['triage', 'deadline', 'templates'];

/** Throws a usage error (exit 2, with the usage text) for an unknown command or sub-command. */
export function checkCommand(positionals: readonly string[]): void {
  const [command, sub] = positionals;
  if (command === undefined) return;
  if (!Object.hasOwn(COMMANDS, command)) {
    throw new AppError('usage', `Unknown command "${command}".\n\n${USAGE}`, { permanent: true });
  }
  const subs = COMMANDS[command];
  if (subs && (sub === undefined || !subs.includes(sub))) {
    const what = sub === undefined ? `"${command}" needs one of: ${subs.join(', ')}` : `Unknown ${command} command "${sub}"`;
    throw new AppError('usage', `${what}.\n\n${USAGE}`, { permanent: true });
  }
}

export const USAGE = `klachtenopvang command line

  complaints list [--status S] [--due-within DAYS] [--sender ADDRESS] [--limit N] [--json]
  complaints show <id> [--json]
  complaints retriage <id> | --all
  complaints extend <id> --weeks N --reason "..."
  complaints committee <id> [--reason "..."]
  complaints close <id> --outcome founded|partly_founded|unfounded|resolved_informally|withdrawn
                    [--summary "..."] [--no-letter "why no outcome letter was sent"]
                    (a complaint closes once its outcome letter was sent, or with --no-letter)
  complaints write <id> --template outcome --outcome CATEGORY --reasons "..."|--reasons-file F
                    [--no-ombudsman|--ombudsman] --preview|--send
  complaints write <id> --template hearing_invitation --date YYYY-MM-DD --time HH:MM
                    --how in_person|phone|video --place "..." --attendees "..." --preview|--send
  complaints write <id> --template blank_letter --body "..."|--body-file F --preview|--send
                    (your own text in the standard header and footer; a blank line starts a paragraph)
  complaints heard <id> --date YYYY-MM-DD --how in_person|phone|video [--note "..."]   (Awb 9:10)
  complaints hearing-waived <id> --ground manifestly_unfounded|declined|no_response_in_time [--note "..."]
  complaints register --channel letter|phone|visit --received YYYY-MM-DD
                    --description "..."|--description-file F [--name "..."] [--email ADDRESS]
                    [--phone N] [--street S --house-number N --postcode P --city C]
                    [--employee NAME]... [--anonymous] [--lang nl|en]
  complaints correct-triage <id> [--kind K] [--urgent yes|no] [--flags a,b|none] [--name "..."]
                    [--phone N] [--street S --house-number N --postcode P --city C]
  complaints reopen <id> [--reason "..."]
  complaints assign <id> --to <officer e-mail>
  complaints not-handled <id> --reason "..."
  complaints note <id> --note "..."               (internal, never sent)
  complaints purge-expired [--dry-run] [--json]  (anonymise records past RETENTION_YEARS)
  triage <file.eml|-> [--json]                 (no servers needed)
  deadline --received YYYY-MM-DD [--route standard|committee] [--extend-weeks N] [--json]
  templates preview <type> [--lang nl|en]      (no servers needed)
  digest --preview | --send
  report --year YYYY [--json|--csv]          (Awb 9:12a register, counted from events)
  mailbox check                                 (records missing for processed mail?)
  officers add <email> --role officer|manager|admin [--password-stdin]   (console account; prints the TOTP URI)
  officers list | officers disable <email>      (disabling ends the account's sessions at once)
  audit export [--from YYYY-MM-DD] [--to YYYY-MM-DD]   (console audit trail as CSV)

Officer actions are recorded with the name in --as, else $USER.`;
