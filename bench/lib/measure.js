// Runs one command and measures it as a whole process tree (Linux /proc; no /usr/bin/time needed): wall time (spawn →
// exit), CPU time (user + system of every reaped descendant: cutime + cstime of this process), peak memory (the largest
// sum of the resident sets of the child and all its descendants, sampled every 10 ms, and the largest single process's
// high-water mark, VmHWM: what /usr/bin/time's %M reports), and the CPU the rest of the machine used meanwhile (other
// processes: noise, reported, never subtracted).
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 1000 / (Number(tryExec('getconf', ['CLK_TCK'])) || 100);

function tryExec(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** [utime, stime, cutime, cstime] of this process, in ms. */
function selfTimes() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [11, 12, 13, 14].map((i) => Number(fields[i]) * TICK_MS);
}

/** Busy CPU of the whole machine so far, in ms (all cores). */
function machineBusyMs() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}

function descendants(pid, out = []) {
  out.push(pid);
  let tasks;
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    let children;
    try {
      children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(' ').filter(Boolean)) descendants(Number(child), out);
  }
  return out;
}

/** The summed resident set of the tree now, and each process's high-water mark so far (VmHWM), in bytes. */
function sampleTree(pid, hwm) {
  let total = 0;
  for (const p of descendants(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) * 1024;
      hwm.set(p, Math.max(hwm.get(p) ?? 0, Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0) * 1024));
    } catch {
      // the process ended between listing and reading
    }
  }
  return total;
}

/** Spawns `cmd args`, waits for it, returns { code, wallMs, cpuMs, peakRssMb, foreignCpuMs, stdout, stderr }. */
export function measure(cmd, args, { env, cwd, sampleMs = 10, timeoutMs = 30 * 60_000 } = {}) {
  return new Promise((done, fail) => {
    const before = selfTimes();
    const busyBefore = machineBusyMs();
    const started = performance.now();
    // Its own process group, so a run that hangs can be ended with everything it started (and nothing else).
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    current = child;
    const killer = setTimeout(() => stop(child), timeoutMs);
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    let peak = 0;
    const hwm = new Map();
    const sample = () => {
      peak = Math.max(peak, sampleTree(child.pid, hwm));
    };
    const timer = setInterval(sample, sampleMs);
    setImmediate(sample);
    let exit;
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      clearTimeout(killer);
      current = undefined;
      const after = selfTimes();
      const cpuMs = after[2] + after[3] - before[2] - before[3];
      const ownMs = after[0] + after[1] - before[0] - before[1];
      exit = {
        code: code ?? (signal ? 128 : 1),
        wallMs,
        cpuMs,
        peakRssMb: peak / 2 ** 20,
        maxProcRssMb: Math.max(0, ...hwm.values()) / 2 ** 20,
        processes: hwm.size,
        foreignCpuMs: Math.max(0, machineBusyMs() - busyBefore - cpuMs - ownMs),
        ownCpuMs: ownMs,
      };
    });
    child.on('close', () =>
      done({ ...exit, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

let current;

function stop(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Ends the run in progress, if any, with its whole process group (for Ctrl-C). */
export function stopCurrent() {
  if (current) stop(current);
}

/**
 * CPU the whole machine spends over `ms` (all cores), as a fraction of its capacity: used to wait for a quiet machine.
 */
export async function machineLoad(ms = 500) {
  const busy = machineBusyMs();
  const own = selfTimes();
  await new Promise((r) => setTimeout(r, ms));
  const ownNow = selfTimes();
  const mine = ownNow[0] + ownNow[1] - own[0] - own[1];
  return Math.max(0, machineBusyMs() - busy - mine) / (ms * cores());
}

let coreCount;
function cores() {
  coreCount ??=
    readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('processor')).length || 1;
  return coreCount;
}
