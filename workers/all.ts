import { closeOnError, exitOnStartupError, handleSignals, openRuntime } from './runtime.ts';
import { startHttpRole, startMailboxRole, startOfficerRole, startRepliesRole } from './roles.ts';
import { startConsoleRole } from './console-role.ts';

/** `npm start`: every role in one process. */
async function main(): Promise<void> {
  const rt = await openRuntime({ probeWhileWaiting: true });
  handleSignals(() => rt.close(), rt.log);
  // A start that fails from here (a port in use, a broken template) still stops what it opened.
  await closeOnError(rt, async () => {
    startRepliesRole(rt);
    await startOfficerRole(rt);
    const mailbox = startMailboxRole(rt);
    await startHttpRole(rt, () => mailbox.source.isConnected());
    await startConsoleRole(rt);
  });
  rt.log.info('service_started', {
    mailbox: rt.config.mode.imap ? 'imap' : 'local',
    outgoing: rt.config.mode.smtp ? 'smtp' : 'outbox',
    metricsPort: rt.config.METRICS_PORT,
  });
  if (!rt.config.mode.imap) rt.log.info('local_mode', { inbox: `${rt.config.DATA_DIR}/inbox`, outbox: `${rt.config.DATA_DIR}/outbox` });
}

main().catch(exitOnStartupError);
