import { exitOnStartupError, handleSignals, openRuntime } from './runtime.ts';
import { startConsoleRole } from './console-role.ts';

/** `npm run worker:console`: the officer console alone. */
async function main(): Promise<void> {
  const rt = await openRuntime();
  handleSignals(() => rt.close(), rt.log);
  const started = await startConsoleRole(rt);
  if (!started) rt.log.warn('console_disabled', { hint: 'CONSOLE_PORT=0 turns the console off' });
}

main().catch(exitOnStartupError);
