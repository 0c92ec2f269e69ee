import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import type { Mailer } from '../adapters/mailer.ts';
import type { Queues } from '../adapters/queues.ts';
import type { ServiceState } from '../adapters/service-state.ts';
import type { TemplateSet } from '../adapters/templates/load-templates.ts';
import type { Clock, ProcessedFolder } from '../app/ports.ts';
import type { CliValues } from './args.ts';

/**
 * What a command gets: the words and options typed, who acts, where output goes, and (for the
 * commands that need Redis) the service's adapters, opened by workers/cli.ts. A command parses
 * its own input with a zod schema (input.ts) and calls the same application functions as the
 * console; it never opens a connection itself.
 */
export interface CliIo {
  /** Text for a person; terminal control characters in it are removed (terminal-output.ts). */
  out(text: string): void;
  /** A value as indented JSON, made terminal-safe like `out`. */
  json(value: unknown): void;
  /** Bytes for a file or a pipe (a CSV export), written as they are. */
  raw(text: string): void;
  /** A file's bytes, or standard input for `-`. */
  readInput(file: string): Promise<Buffer>;
  readStdin(): Promise<Buffer>;
}

export interface CommandInput {
  positionals: readonly string[];
  values: CliValues;
  /** --as, else $USER: recorded on every event a command causes. */
  actor: string;
  io: CliIo;
}

export interface CliDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  store: ComplaintStore;
  state: ServiceState;
  queues: Queues;
  mailer: Mailer;
  /** The processed folder, for `mailbox check`. */
  folder: ProcessedFolder;
  /** Loaded (and checked) on first use: most commands render nothing. */
  templates(): TemplateSet;
}

/** A command that needs no server: triage, deadline, templates preview. */
export type OfflineCommand = (input: CommandInput, config: () => Config) => Promise<void> | void;

/** A command that works on the service's data. */
export type OnlineCommand = (deps: CliDeps, input: CommandInput) => Promise<void>;
