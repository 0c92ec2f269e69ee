/**
 * BENCH_PROFILE=1: where one intake run spends its time. CPU seconds of this process (the
 * mailbox worker runs in it), of Redis (INFO cpu) and of the Dovecot process group (/proc), the
 * bytes Redis appended to its AOF, and Redis's busiest commands (INFO commandstats, reset at the
 * start). Linux only; a figure that cannot be read is printed as "?".
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import type { Redis } from 'ioredis';
import type { DovecotServer } from '../test/helpers/dovecot-server.ts';

export interface CpuProfile {
  report(): Promise<string>;
}

const TICKS_PER_SECOND = 100;

function infoFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  return fields;
}

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = infoFields(await redis.info('cpu'));
  return Number(info.get('used_cpu_user')) + Number(info.get('used_cpu_sys'));
}

async function aofBytes(redis: Redis): Promise<number> {
  return Number(infoFields(await redis.info('persistence')).get('aof_current_size'));
}


/** CPU seconds of every process in Dovecot's process group, children already reaped included. */
function dovecotCpuSeconds(dovecot: DovecotServer): number {
  const config = join(dirname(dovecot.logPath), 'dovecot.conf');
  const stats: { pid: number; pgrp: number; ticks: number; reaped: number }[] = [];
  let master = -1;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state is field 3.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      stats.push({ pid, pgrp: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) });
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(config)) master = pid;
    } catch {
      // The process ended while we read.
    }
  }
  if (master < 0) return NaN;
  const group = stats.filter((s) => s.pgrp === master);
  const masterReaped = stats.find((s) => s.pid === master)?.reaped ?? 0;
  return (group.reduce((sum, s) => sum + s.ticks, 0) + masterReaped) / TICKS_PER_SECOND;
}

interface CommandStat {
  calls: number;
  usec: number;
}

async function commandStats(redis: Redis): Promise<Map<string, CommandStat>> {
  const stats = new Map<string, CommandStat>();
  for (const [key, value] of infoFields(await redis.info('commandstats'))) {
    const calls = /calls=(\d+)/.exec(value);
    const usec = /usec=(\d+)/.exec(value);
    if (calls && usec) stats.set(key.replace(/^cmdstat_/, ''), { calls: Number(calls[1]), usec: Number(usec[1]) });
  }
  return stats;
}

export async function startCpuProfile(redis: Redis, dovecot: DovecotServer): Promise<CpuProfile> {
  await redis.config('RESETSTAT');
  const t0 = performance.now();
  const node0 = process.cpuUsage();
  const redis0 = await redisCpuSeconds(redis);
  const aof0 = await aofBytes(redis);
  const dovecot0 = dovecotCpuSeconds(dovecot);
  return {
    async report() {
      const wall = (performance.now() - t0) / 1000;
      const nodeUsage = process.cpuUsage(node0);
      const nodeCpu = (nodeUsage.user + nodeUsage.system) / 1e6;
      const redisCpu = (await redisCpuSeconds(redis)) - redis0;
      const aof = (await aofBytes(redis)) - aof0;
      const dovecotCpu = dovecotCpuSeconds(dovecot) - dovecot0;
      const stats = [...(await commandStats(redis))].sort((x, y) => y[1].usec - x[1].usec);
      const calls = stats.reduce((sum, [, s]) => sum + s.calls, 0);
      const top = stats
        .slice(0, 6)
        .map(([name, s]) => `${name} ${s.calls} calls ${(s.usec / 1000).toFixed(0)} ms`)
        .join(', ');
      const secs = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)} s` : '?');
      return [
        `    profile: wall ${secs(wall)}; CPU node ${secs(nodeCpu)}, redis ${secs(redisCpu)}, dovecot ${secs(dovecotCpu)}; AOF +${(aof / 1e6).toFixed(1)} MB`,
        `    redis: ${calls} commands; busiest: ${top}`,
      ].join('\n');
    },
  };
}

/**
 * BENCH_CPU_PROFILE=<dir>: a V8 CPU profile of this process (the mailbox worker runs in it) for
 * the measured run only, written as <dir>/<name>.cpuprofile (open in Chrome DevTools). Unlike
 * `node --cpu-prof` it leaves out the appends, the warm-up and the restores between runs.
 */
export async function startInspectorProfile(): Promise<{ stop(dir: string, name: string): Promise<string> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return {
    async stop(dir, name) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${name}.cpuprofile`);
      writeFileSync(path, JSON.stringify(profile));
      return path;
    },
  };
}
