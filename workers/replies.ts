import { closeOnError, exitOnStartupError, handleSignals, openRuntime } from './runtime.ts';
import { startOfficerRole, startRepliesRole } from './roles.ts';

/** Outgoing mail only: complainant replies and officer mail (alerts, reminders, digest). */
async function main(): Promise<void> {
  const rt = await openRuntime({ probeWhileWaiting: true });
  handleSignals(() => rt.close(), rt.log);
  await closeOnError(rt, async () => {
    startRepliesRole(rt);
    await startOfficerRole(rt);
  });
}

main().catch(exitOnStartupError);
