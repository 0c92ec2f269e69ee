import { computeDeadline, DeadlineCommandInput } from '../../domain/deadlines.ts';
import { deadlinePolicy } from '../../domain/plan-clock.ts';
import type { OfflineCommand } from '../command.ts';
import { need } from '../input.ts';

/** `deadline --received YYYY-MM-DD [--route R] [--extend-weeks N] [--json]`: the Awb 9:11 deadline, computed alone. */
export const deadlineCommand: OfflineCommand = ({ values, io }, config) => {
  const input = need(DeadlineCommandInput, { received: values.received, route: values.route, extendWeeks: values['extend-weeks'] }, 'deadline');
  const result = computeDeadline({ received: input.received, route: input.route, extensionWeeks: input.extendWeeks, policy: deadlinePolicy(config()) });
  const view = { received: result.received, route: result.route, extensionWeeks: result.extensionWeeks, deadline: result.deadline, shiftedFrom: result.shiftedFrom, reason: result.reason };
  if (values.json) io.json(view);
  else io.out(`deadline ${view.deadline}${view.shiftedFrom ? ` (moved from ${view.shiftedFrom})` : ''}\n${view.reason}`);
};
