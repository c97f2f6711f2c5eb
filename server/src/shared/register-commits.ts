/**
 * In-process notice that a register write committed (ADR 013). Every server learns of every write from the change
 * feed it polls; this only lets the server that made a write apply it at once instead of at its next poll, so the
 * person who made a change sees it in the very next ranking. Nothing depends on it for correctness.
 */
type Listener = (seq: number) => void;

const listeners = new Set<Listener>();

export function onRegisterCommit(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function registerCommitted(seq: number): void {
  for (const listener of listeners) listener(seq);
}
