/**
 * The background `prepare` job, one per project at a time: after an import, a turn or new bind options
 * main asks for a run; a request while one runs asks for one more after it. A bind waits for the run
 * in progress instead of starting beside it: both would decode the same photos, each twice as slowly.
 */
export interface Preparer {
  /** Prepare `dir`'s images in the background (again after the current run, if one is running). */
  later(dir: string): void;
  /** Resolves once no run for `dir` is in progress or asked for (at once when none is). */
  settled(dir: string): Promise<void>;
}

/** `run` prepares one project and must not throw (a failure only costs the bind time). */
export function createPreparer(run: (dir: string) => Promise<void>, enabled: boolean): Preparer {
  const preparing = new Map<string, { again: boolean; done: Promise<void> }>();
  return {
    later(dir) {
      if (!enabled) return;
      const running = preparing.get(dir);
      if (running) {
        running.again = true;
        return;
      }
      const state = { again: false, done: Promise.resolve() };
      preparing.set(dir, state);
      state.done = (async () => {
        try {
          do {
            state.again = false;
            await run(dir).catch(() => undefined);
          } while (state.again);
        } finally {
          preparing.delete(dir);
        }
      })();
    },
    async settled(dir) {
      await preparing.get(dir)?.done;
    },
  };
}
