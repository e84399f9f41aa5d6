/**
 * One step of matprep's side of the benchmark, in its own process so the parent can measure its
 * peak RSS: argv <step> <job.json>; prints one JSON line { ms, maxRssMB, … }.
 *   import   create the project and add its files (PDFs one call per material, the photos in one call)
 *   prepare  prepare the project's images, as the app's job worker does after an import
 *   bind     bind the project (with its cache; MATPREP_CACHE_MB=0 binds cold)
 *   change   turn the first file of material m1 (one material changed)
 */
import { readFile, rm } from 'node:fs/promises';
import { bindPacket, prepareGeneratedFont } from '../src/core/bind/index'; // cache: prepareGeneratedFont
import type { ProjectDoc } from '../src/core/model/schemas/project';
import { projectCache } from '../src/core/cache/project'; // cache
import { prepareProjectImages } from '../src/core/workspace/prepare'; // cache
import { placedOrigin } from '../src/core/scan/store'; // cache
import {
  addFiles,
  createProject,
  openProject,
  readVaultFile,
  updateFile,
  verifyVault,
} from '../src/core/project/store';
import type { BenchProjectJob } from './job';
import { benchPack, materialOf } from './job';

/** The bind's inputs but for files and output: the bench pack, and the company name its cover prints. */
function packetInputs(doc: ProjectDoc) {
  const { rulePack, report } = benchPack();
  return { doc: { ...doc, fields: { company_name: '基准测试有限公司' } }, rulePack, report, options: { dpi: 200 } };
}

const [step, jobFile] = process.argv.slice(2);
const job = JSON.parse(await readFile(jobFile, 'utf8')) as BenchProjectJob;
const started = performance.now();
const extra: Record<string, number> = {};

if (step === 'import') {
  await rm(job.dir, { recursive: true, force: true });
  await createProject(job.dir, { ruleId: 'bench', ruleVersion: '1', name: 'bench' });
  const byMaterial = new Map<string, string[]>();
  job.pdfs.forEach((file, i) => byMaterial.set(materialOf(i), [...(byMaterial.get(materialOf(i)) ?? []), file]));
  for (const [material, files] of byMaterial)
    await addFiles(
      job.dir,
      material,
      files.map((path) => ({ path })),
    );
  const photosStarted = performance.now();
  await addFiles(
    job.dir,
    job.photoMaterial,
    job.photos.map((path) => ({ path })),
  );
  extra.photosMs = performance.now() - photosStarted;
} else if (step === 'prepare') {
  // As the app's prepare job does (its font step reads the project's own pack; the bench's is made up).
  await prepareProjectImages(job.dir, { bindDefaults: { dpi: 200 } }); // cache
  await prepareGeneratedFont(packetInputs((await openProject(job.dir)).doc), projectCache(job.dir)!); // cache
} else if (step === 'change') {
  const { doc } = await openProject(job.dir);
  const file = doc.materials.m1.files[0];
  await updateFile(job.dir, 'm1', file.id, { rotate: file.rotate === 90 ? 0 : 90 });
} else if (step === 'bind') {
  const project = await openProject(job.dir);
  const cache = projectCache(job.dir); // cache
  // As bindProject does: every attached file checked against its hash first.
  await verifyVault(project, cache); // cache
  const result = await bindPacket({
    ...packetInputs(project.doc),
    output: job.output,
    loadFile: (ref) => readVaultFile(job.dir, ref, cache), // cache
    imageOrigin: (ref) => placedOrigin(job.dir, ref, cache), // cache
    cache, // cache
  });
  extra.pages = result.pages;
  extra.bytes = result.bytes;
} else throw new Error(`unknown step ${step}`);

const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, ...extra })}\n`);
