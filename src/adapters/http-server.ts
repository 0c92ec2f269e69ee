import { createServer, type Server } from 'node:http';
import { AppError } from '../errors.ts';
import type { Metrics } from './metrics.ts';

/** true when usable; otherwise false, or a short code saying why (shown under `reasons`). */
export type CheckResult = boolean | { ok: boolean; reason?: string };

export interface HealthChecks {
  /** Named checks for /readyz. */
  [name: string]: () => Promise<CheckResult> | CheckResult;
}

/** /healthz (the process runs), /readyz (its dependencies answer) and /metrics (Prometheus). */
export function startHttpServer(options: { host: string; port: number; metrics: Metrics; checks: HealthChecks }): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (path === '/readyz') {
      const results: Record<string, boolean> = {};
      const reasons: Record<string, string> = {};
      for (const [name, check] of Object.entries(options.checks)) {
        const result = await Promise.resolve()
          .then(check)
          .catch((): CheckResult => ({ ok: false, reason: 'check_failed' }));
        results[name] = typeof result === 'boolean' ? result : result.ok;
        if (typeof result !== 'boolean' && result.reason) reasons[name] = result.reason;
      }
      const ready = Object.values(results).every(Boolean);
      const body = Object.keys(reasons).length > 0 ? { ready, checks: results, reasons } : { ready, checks: results };
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(options.metrics.render());
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') return reject(error);
      const what = error.code === 'EADDRINUSE' ? 'is in use by another program' : 'may not be opened by this user';
      reject(
        new AppError('port_unavailable', `Port ${options.port} on ${options.host} (METRICS_PORT, METRICS_HOST) ${what} (${error.code}). Stop that program or choose another METRICS_PORT; 0 switches the endpoint off.`, { cause: error, permanent: true }),
      );
    });
    server.listen(options.port, options.host, () => resolve(server));
  });
}
