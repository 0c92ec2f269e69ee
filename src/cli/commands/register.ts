import { z } from 'zod';
import { RegisteredChannelSchema } from '../../domain/complaint-handling.ts';
import { LanguageSchema } from '../../domain/reply-types.ts';
import { registerComplaint } from '../../app/register-complaint.ts';
import type { OnlineCommand } from '../command.ts';
import { parseInput } from '../input.ts';
import { addressFrom, textOrFile } from '../shared-options.ts';

/**
 * `complaints register`: a complaint that came by letter, phone or visit
 * (app/register-complaint.ts). Prints its reference, its clock, and how the acknowledgement goes.
 */
const RegisterInput = z.object({
  channel: RegisteredChannelSchema,
  received: z.iso.date({ error: '--received must be the date of receipt, YYYY-MM-DD' }),
  name: z.string().optional(),
  email: z.email({ error: '--email must be an e-mail address' }).optional(),
  phone: z.string().optional(),
  employee: z.array(z.string()).default([]),
  anonymous: z.boolean().optional(),
  lang: LanguageSchema.default('nl'),
});

export const registerCommand: OnlineCommand = async (deps, { values, actor, io }) => {
  const address = addressFrom(values);
  const input = parseInput(RegisterInput, {
    channel: values.channel,
    received: values.received,
    name: values.name,
    email: values.email,
    phone: values.phone,
    employee: values.employee,
    anonymous: values.anonymous,
    lang: values.lang,
  });
  const result = await registerComplaint(deps, {
    actor,
    channel: input.channel,
    receivedDate: input.received,
    name: input.name ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    address: address ?? null,
    description: await textOrFile(values, 'description', 'a description of the conduct'),
    employees: input.employee,
    anonymous: input.anonymous === true,
    language: input.lang,
  });
  const { record } = result;
  const clock = record.deadline ? `deadline ${record.deadline.deadline}` : 'no deadline (anonymous: registered, not handled)';
  const ack = result.acknowledgement ? `the ${result.acknowledgement} goes to the complainant by e-mail` : 'no e-mail address: send the acknowledgement by post';
  io.out(`${record.id} ${result.created ? 'registered' : 'was registered before'} (${record.status}, ${clock}); ${ack}.`);
};
