/**
 * `npm run bench:webgl [-- --json] [-- --angle=swiftshader] [-- --profile]`: bundles `page.ts`
 * (or `profile-page.ts`) with esbuild,
 * serves it on 127.0.0.1, opens it in headless Chromium (Debian's, found by
 * scripts/ensure-chromium.mjs; software GL: Mesa llvmpipe by default) and prints medians and
 * ratios of tensorkit-webgl against tfjs-webgl.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { formatTable, type Result } from '../harness';
import type { ProfileRow } from './profile-page';

const here = fileURLToPath(new URL('.', import.meta.url));
const json = process.argv.includes('--json');
const profile = process.argv.includes('--profile');
const angle = process.argv.find((a) => a.startsWith('--angle='))?.slice('--angle='.length) ?? 'gl-egl';

const executablePath = execFileSync('node', [fileURLToPath(new URL('../../../scripts/ensure-chromium.mjs', import.meta.url))], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();

const bundle = await build({
  entryPoints: [`${here}${profile ? 'profile-page.ts' : 'page.ts'}`],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['@tensorkit/source'],
  logLevel: 'error',
});
const js = bundle.outputFiles[0]!.text;
const server = createServer((req, res) => {
  if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
  else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/bench.js"></script>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
    ...(angle === 'swiftshader' ? ['--use-angle=swiftshader'] : ['--use-gl=angle', `--use-angle=${angle}`]),
  ],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(e));
  await page.goto(`http://127.0.0.1:${port}/`);
  if (profile) {
    await page.waitForFunction(() => typeof (globalThis as { runWebGLProfile?: unknown }).runWebGLProfile === 'function');
    const out = await page.evaluate(() =>
      (globalThis as unknown as { runWebGLProfile: () => Promise<Record<string, unknown>> }).runWebGLProfile(),
    );
    if (json) console.log(JSON.stringify(out, null, 2));
    else printProfile(out as unknown as Profile);
  } else {
    await page.waitForFunction(() => typeof (globalThis as { runWebGLBench?: unknown }).runWebGLBench === 'function');
    const out = await page.evaluate(() =>
      (globalThis as unknown as { runWebGLBench: () => Promise<{ renderer: string; results: Result[] }> }).runWebGLBench(),
    );
    if (json) console.log(JSON.stringify({ peer: 'tfjs-backend-webgl 4.22.0', ...out }, null, 2));
    else {
      console.log(`tensorkit-webgl vs tfjs-backend-webgl 4.22.0, same page, Chromium ${browser.version()}, renderer: ${out.renderer}`);
      console.log('medians; ratio above 1 means tensorkit is faster; times include await data()\n');
      console.log(formatTable(out.results));
    }
  }
} finally {
  await browser.close();
  server.close();
}

interface Profile {
  renderer: string;
  kernels: ProfileRow[];
  passes: ProfileRow[];
  tfjsKernels: ProfileRow[];
}

function printProfile(p: Profile): void {
  const table = (title: string, rows: ProfileRow[]): void => {
    const total = rows.reduce((s, r) => ({ n: s.n + r.perStep, ms: s.ms + r.msPerStep }), { n: 0, ms: 0 });
    console.log(`\n${title}: ${total.n} per step, ${total.ms.toFixed(1)} ms per step (serialised)`);
    for (const r of rows) console.log(`${r.perStep.toString().padStart(6)}  ${r.msPerStep.toFixed(2).padStart(8)} ms  ${r.name}`);
  };
  console.log(`MLP Adam step profile, renderer: ${p.renderer}`);
  table('tensorkit kernels', p.kernels);
  table('tensorkit shader passes', p.passes);
  table('tfjs kernels (counts only)', p.tfjsKernels);
}
