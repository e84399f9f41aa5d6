/**
 * Decompression bombs against the real CLI: each generated bomb (tests/fixtures/bombs.ts) is added to
 * a fresh project with `matprep add`, and, when the import lets it in, exported with `matprep export`
 * (pdf.js drawing the pages). Prints wall time, peak RSS (VmHWM, sampled every 50 ms) and how it ended.
 * A watchdog kills a command at 90 s or 3 GB RSS, so measuring an unguarded build cannot take the
 * (shared) machine down. Run: `node --import tsx bench/bombs.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { materialEntry, updateProject } from '../src/core/project/store';
import { contentBombPdf, imageBombPdf, singleFlateBombPdf, tiffBomb } from '../tests/fixtures/bombs';

const root = resolve(import.meta.dirname, '..');
const LIMIT_MS = 90_000;
const LIMIT_RSS_KB = 3 * 1024 * 1024;

interface Measure {
  code: number | null;
  seconds: number;
  peakMB: number;
  ended: 'exit' | 'killed: time' | 'killed: memory';
  stderr: string;
}

async function status(pid: number): Promise<{ rss: number; hwm: number } | undefined> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

function measure(args: string[]): Promise<Measure> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin/matprep.js'), ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MATPREP_LANG: 'en', MATPREP_DEBUG: '' },
    });
    let stderr = '';
    let peak = 0;
    let ended: Measure['ended'] = 'exit';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setInterval(async () => {
      const now = await status(child.pid!);
      if (!now) return;
      peak = Math.max(peak, now.hwm);
      const over = now.rss > LIMIT_RSS_KB ? 'memory' : performance.now() - started > LIMIT_MS ? 'time' : undefined;
      if (over) {
        ended = `killed: ${over}`;
        child.kill('SIGKILL');
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      done({ code, seconds: (performance.now() - started) / 1000, peakMB: Math.round(peak / 1024), ended, stderr });
    });
  });
}

const bombs: [string, string, () => Promise<Buffer> | Buffer][] = [
  ['content stream → 1 GiB, Flate twice', 'content.pdf', () => contentBombPdf()],
  ['content stream → 1 GiB, Flate once', 'single.pdf', () => singleFlateBombPdf()],
  ['60 000 × 60 000 image', 'image.pdf', () => imageBombPdf()],
  ['TIFF, 1000 pages × 100 MP sharing one strip', 'strip.tif', () => tiffBomb()],
  ['TIFF, 20 pages × 100 MP sharing one strip', 'strip20.tif', () => tiffBomb(20)],
  // Not a bomb: the largest TIFF the limits let in, to show what an accepted worst case costs.
  ['TIFF, 9 pages × 100 MP (within the limits)', 'strip9.tif', () => tiffBomb(9)],
];

/**
 * A file that got into the vault before the limits existed: attached by hand, as an older version
 * would have imported it, so `export` (pdf.js) meets it without `add` refusing it first.
 */
async function attachUnchecked(dir: string, bytes: Buffer, name: string): Promise<void> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeFile(join(dir, 'vault', sha256), bytes);
  await updateProject(dir, (doc) => {
    materialEntry(doc, 'business-licence').files.push({
      id: sha256.slice(0, 8),
      sha256,
      name,
      size: bytes.length,
      mediaType: 'application/pdf',
      addedAt: new Date().toISOString(),
      pages: 1,
      rotate: 0,
    });
  });
}

const work = await mkdtemp(join(tmpdir(), 'matprep-bombs-'));
console.log('| bomb | file size | command | outcome | wall s | peak RSS MB |');
console.log('| --- | --- | --- | --- | --- | --- |');
// `node --import tsx bench/bombs.ts strip9` runs only the bombs whose file name contains the word.
const only = process.argv[2];
for (const [label, file, make] of bombs.filter(([, f]) => !only || f.includes(only))) {
  const bytes = await make();
  const path = join(work, file);
  await writeFile(path, bytes);
  const dir = await mkdtemp(join(work, 'p-'));
  const init = await measure(['init', dir, '--rule', 'icp-filing-enterprise']);
  if (init.code !== 0) throw new Error(init.stderr);
  const row = (command: string, m: Measure) => {
    const outcome =
      m.ended !== 'exit' ? m.ended : m.code === 0 ? 'accepted' : `refused: ${m.stderr.trim().slice(0, 90)}`;
    console.log(
      `| ${label} | ${(bytes.length / 1024).toFixed(1)} KB | ${command} | ${outcome} | ${m.seconds.toFixed(1)} | ${m.peakMB} |`,
    );
  };
  const add = await measure(['add', dir, 'business-licence', path]);
  row('add', add);
  if (add.code !== 0 && file.endsWith('.pdf')) {
    await attachUnchecked(dir, bytes, file);
    row('export (in the vault from before)', await measure(['export', dir, '-o', join(work, `${file}.zip`)]));
  } else if (add.code === 0) row('export', await measure(['export', dir, '-o', join(work, `${file}.zip`)]));
}
