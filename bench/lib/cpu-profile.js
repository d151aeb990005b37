// Summarises V8 .cpuprofile files (node --cpu-prof) by where the time went: packages, our src/ folders, Node internals,
// GC, idle.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function category(url, fn) {
  if (!url)
    return fn === '(garbage collector)'
      ? 'GC'
      : fn === '(idle)'
        ? 'idle'
        : fn === '(program)'
          ? 'V8/native (program)'
          : fn || 'native';
  if (url.startsWith('node:')) {
    if (url.includes('internal/deps/undici')) return 'fetch (undici, in node)';
    if (url.includes('internal/modules')) return 'module loading (node)';
    if (/internal\/(fs|url|path)|^node:(fs|path)/.test(url)) return 'fs/path (node)';
    if (/internal\/(streams|http|net|stream_base|child_process|worker)|_http_|^node:(net|http|stream)/.test(url))
      return 'streams/http/ipc (node)';
    return 'node internals (other)';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    const inner = pkg[1] === 'playwright' ? /node_modules\/playwright\/lib\/([^/]+)/.exec(url)?.[1] : undefined;
    return inner ? `playwright/${inner}` : pkg[1];
  }
  const src = /\/(src\/[^/]+|specs|bin|playwright\.config\.ts)/.exec(url);
  return src ? `harness ${src[1]}` : 'other';
}

/**
 * One summary per profile: the process (by its main script), total sampled ms, and self time by category, largest
 * first.
 */
export function summariseProfiles(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => {
      const profile = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map();
      profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
      const byCategory = new Map();
      let total = 0;
      for (const [id, ms] of self) {
        const node = byId.get(id);
        const c = category(node.callFrame.url, node.callFrame.functionName);
        byCategory.set(c, (byCategory.get(c) ?? 0) + ms);
        if (c !== 'idle') total += ms;
      }
      const main =
        profile.nodes
          .map((n) => n.callFrame.url)
          .find((u) => /workerProcessEntry|@playwright\/test\/cli|playwright\/cli|bin\/conformance/.test(u ?? '')) ?? f;
      const kind = /workerProcessEntry/.test(main)
        ? 'worker'
        : /conformance\.js/.test(main)
          ? 'cli'
          : /cli/.test(main)
            ? 'runner'
            : 'other';
      const functions = [...self]
        .map(([id, t]) => [byId.get(id).callFrame, t])
        .filter(([cf]) => cf.url)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([cf, t]) => [
          `${cf.functionName || '(anonymous)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}`,
          t,
        ]);
      return {
        file: f,
        kind,
        functions,
        busyMs: total,
        idleMs: byCategory.get('idle') ?? 0,
        categories: [...byCategory].filter(([c]) => c !== 'idle').sort((a, b) => b[1] - a[1]),
      };
    });
}
