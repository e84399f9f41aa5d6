/**
 * The background prepare job per project (src/main/handlers/preparer.ts): one run at a time, one more
 * when asked meanwhile, and `settled` — what bind:start waits for — only once no run is left.
 */
import { describe, expect, it } from 'vitest';
import { createPreparer } from '../../src/main/handlers/preparer';

/** A run the test ends by hand, recording which folder each run was for. */
function manualRuns() {
  const runs: { dir: string; finish: (fail?: boolean) => void }[] = [];
  const run = (dir: string) =>
    new Promise<void>((resolve, reject) => {
      runs.push({ dir, finish: (fail) => (fail ? reject(new Error('worker died')) : resolve()) });
    });
  return { runs, run };
}

/** Whether `promise` has settled after the pending callbacks ran. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
  return settled;
}

describe('the preparer', () => {
  it('runs one job per project; a bind waits for it and for the run asked for meanwhile', async () => {
    const { runs, run } = manualRuns();
    const preparer = createPreparer(run, true);
    expect(await isSettled(preparer.settled('/p'))).toBe(true);

    preparer.later('/p');
    preparer.later('/p'); // a change while it runs: one more run after it, not a second one beside it
    preparer.later('/q');
    expect(runs.map((r) => r.dir)).toEqual(['/p', '/q']);
    const waiting = preparer.settled('/p');
    expect(await isSettled(waiting)).toBe(false);

    runs[0].finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs.map((r) => r.dir)).toEqual(['/p', '/q', '/p']);
    expect(await isSettled(waiting)).toBe(false);
    runs[2].finish(true); // a failed run only costs the bind time
    expect(await isSettled(waiting)).toBe(true);
    expect(await isSettled(preparer.settled('/q'))).toBe(false);
    runs[1].finish();
    expect(await isSettled(preparer.settled('/q'))).toBe(true);

    // After a failure the project can be prepared again.
    preparer.later('/p');
    expect(runs).toHaveLength(4);
  });

  it('does nothing when background preparation is off (tests, the CLI)', async () => {
    const { runs, run } = manualRuns();
    const preparer = createPreparer(run, false);
    preparer.later('/p');
    expect(runs).toEqual([]);
    expect(await isSettled(preparer.settled('/p'))).toBe(true);
  });
});
