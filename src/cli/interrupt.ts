import { rmSync } from 'node:fs';

// Files and folders that exist only while a run works (a temp file beside an output, diff's copy of a
// revision): removed if the run is stopped by Ctrl-C, SIGTERM or a closed terminal, before it dies.
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

function removeAndDie(signal: NodeJS.Signals): void {
  for (const path of pending) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing more can be done while dying.
    }
  }
  pending.clear();
  for (const name of SIGNALS) process.removeListener(name, removeAndDie);
  // Dies of the same signal, so the shell sees 130 (Ctrl-C) or 143 (SIGTERM) as from any tool.
  process.kill(process.pid, signal);
}

/** Removes `path` (a file or a folder) if the process is interrupted before `release` is called. */
export function removeOnInterrupt(path: string): () => void {
  if (!installed) {
    installed = true;
    for (const name of SIGNALS) process.on(name, removeAndDie);
  }
  pending.add(path);
  return () => pending.delete(path);
}
