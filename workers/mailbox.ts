import { closeOnError, exitOnStartupError, handleSignals, openRuntime } from './runtime.ts';
import { startHttpRole, startMailboxRole } from './roles.ts';

/** Intake only: mailbox to records; replies and officer mail run elsewhere. */
async function main(): Promise<void> {
  const rt = await openRuntime({ probeWhileWaiting: true });
  handleSignals(() => rt.close(), rt.log);
  await closeOnError(rt, async () => {
    const mailbox = startMailboxRole(rt);
    await startHttpRole(rt, () => mailbox.source.isConnected());
  });
}

main().catch(exitOnStartupError);
