import * as actions from '../app/officer-actions.ts';
import { recordHearingHeld, recordHearingWaived } from '../app/hearing.ts';
import { printLetter, sendLetter } from '../app/write-letter.ts';
import { letterMedium } from '../domain/letter-delivery.ts';
import type { ConsoleDeps } from './context.ts';
import { toCorrection, toLetter, type ActionInput } from './action-inputs.ts';
import type { Actor, ComplaintAction } from './roles.ts';

/**
 * Runs a confirmed action through the same use cases as the CLI: officer-actions.ts, hearing.ts,
 * write-letter.ts. Returns what the complaint page says afterwards (`done`, `?gedaan=`): the
 * action, or `letter_repeated` when exactly this letter was written before and is not sent
 * again; and for a letter to a complainant without e-mail, the key of the printed letter to show.
 */
export interface ActionResult {
  done: string;
  print?: string;
}

export async function runAction(deps: ConsoleDeps, actor: Actor, id: string, action: ComplaintAction, input: ActionInput<ComplaintAction>): Promise<ActionResult> {
  const d = { store: deps.store, queues: deps.queues, config: deps.config, log: deps.log, clock: deps.clock };
  const by = actor.email;
  switch (action) {
    case 'assign': await actions.assignComplaint(d, { id, to: (input as ActionInput<'assign'>).to, actor: by }); break;
    case 'extend': {
      const { weeks, reason } = input as ActionInput<'extend'>;
      await actions.extendComplaint(d, { id, weeks, reason, actor: by });
      break;
    }
    case 'committee': {
      const reason = (input as ActionInput<'committee'>).reason;
      await actions.moveToCommittee(d, { id, actor: by, ...(reason ? { reason } : {}) });
      break;
    }
    case 'close': {
      const close = input as ActionInput<'close'>;
      await actions.closeComplaint(d, { id, actor: by, ...(close.outcome ? { outcome: close.outcome } : {}), ...(close.summary ? { summary: close.summary } : {}), ...(close.noLetterReason ? { noLetterReason: close.noLetterReason } : {}) });
      break;
    }
    case 'not_handled': await actions.markNotHandled(d, { id, reason: (input as ActionInput<'not_handled'>).reason, actor: by }); break;
    case 'reopen': {
      const reason = (input as ActionInput<'reopen'>).reason;
      await actions.reopenComplaint(d, { id, actor: by, ...(reason ? { reason } : {}) });
      break;
    }
    case 'correct_triage': await actions.correctTriage(d, { id, actor: by, correction: toCorrection(input as ActionInput<'correct_triage'>) }); break;
    case 'note': await actions.addNote(d, { id, actor: by, note: (input as ActionInput<'note'>).note }); break;
    case 'heard': {
      const { date, how, note } = input as ActionInput<'heard'>;
      await recordHearingHeld(d, { id, actor: by, date, how, ...(note ? { note } : {}) });
      break;
    }
    case 'hearing_waived': {
      const { ground, note } = input as ActionInput<'hearing_waived'>;
      await recordHearingWaived(d, { id, actor: by, ground, ...(note ? { note } : {}) });
      break;
    }
    case 'write_outcome':
    case 'write_invitation':
    case 'write_letter': {
      const letter = toLetter(action, input as ActionInput<typeof action>);
      const record = await deps.store.require(id);
      if (letterMedium(record) === 'post') {
        const printed = await printLetter({ ...d, templates: deps.templates }, { id, actor: by, letter });
        return { done: printed.repeated ? 'letter_repeated' : action, print: printed.key };
      }
      const sent = await sendLetter({ ...d, templates: deps.templates }, { id, actor: by, letter });
      return { done: sent.repeated ? 'letter_repeated' : action };
    }
  }
  return { done: action };
}
