import { readFileSync } from 'node:fs';

/**
 * A process's resident memory now and at its peak (VmRSS and VmHWM from /proc), in bytes: what
 * the kernel says it holds, whatever the JavaScript heap reports.
 */
export function residentMemory(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match) throw new Error(`No ${field} in /proc/${pid}/status`);
    return Number(match[1]) * 1024;
  };
  return { now: kib('VmRSS'), peak: kib('VmHWM') };
}
