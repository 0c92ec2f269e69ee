import { checkProcessedMailbox } from '../../app/mailbox-check.ts';
import type { OnlineCommand } from '../command.ts';

/** `mailbox check`: processed mail without a record (Redis data lost?); takes no input. */
export const mailboxCheckCommand: OnlineCommand = async (deps, { io }) => {
  io.json(await checkProcessedMailbox(deps));
};
