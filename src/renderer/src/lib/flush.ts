/**
 * Edits typed but not yet saved (CommitInput waits for a pause) register a flush here. They are all
 * saved at once when the page is hidden or unloaded, and when main asks before closing the window:
 * it calls `window.matprepFlush()` (webContents.executeJavaScript) and waits for what it returns.
 */
type Flush = () => Promise<unknown>;

const flushes = new Set<Flush>();
let installed = false;

/** Save every pending edit now; resolves once their saves have finished. */
export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushes].map((flush) => flush()));
}

function install(): void {
  installed = true;
  const flush = () => void flushAll();
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  (window as unknown as { matprepFlush: () => Promise<void> }).matprepFlush = flushAll;
}

/** Register a flush while a component is mounted; returns the unregister function. */
export function registerFlush(flush: Flush): () => void {
  if (!installed) install();
  flushes.add(flush);
  return () => flushes.delete(flush);
}
