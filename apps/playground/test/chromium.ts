/**
 * Headless Chromium for the end-to-end test: Debian's build, found (or installed as root) by
 * scripts/ensure-chromium.mjs, never downloaded. Software WebGL through ANGLE on Mesa llvmpipe,
 * 2-4x faster than SwiftShader here (TK_WEBGL_ANGLE=swiftshader switches back).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';

const ensure = fileURLToPath(new URL('../../../scripts/ensure-chromium.mjs', import.meta.url));

export function launchChromium(): Promise<Browser> {
  const executablePath = execFileSync('node', [ensure], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const angle = process.env.TK_WEBGL_ANGLE === 'swiftshader' ? ['--use-angle=swiftshader'] : ['--use-gl=angle', '--use-angle=gl-egl'];
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', ...angle,
    ],
  });
}
