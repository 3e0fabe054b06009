/**
 * End to end: builds the page with Vite, serves dist/ on 127.0.0.1 and drives it in headless
 * Chromium like a person would (form fields and buttons). Set TK_PLAYGROUND_SCREENSHOT to a path
 * (relative to this package) to save the screenshot there, e.g. docs/screenshot.png.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { serveDirectory, type StaticServer } from './static-server';

const root = fileURLToPath(new URL('..', import.meta.url));
const screenshot = resolve(root, process.env.TK_PLAYGROUND_SCREENSHOT ?? 'test-results/playground.png');

let browser: Browser;
let server: StaticServer;
let page: Page;
let errors: string[];

interface Stats {
  backend: string;
  tensors: number;
  step: number;
  firstLoss: number;
  loss: number;
  accuracy: number;
}

async function stats(): Promise<Stats> {
  const d = await page.locator('#stats').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  return { backend: d.backend ?? '', tensors: Number(d.tensors), step: Number(d.step), firstLoss: Number(d.firstLoss), loss: Number(d.loss), accuracy: Number(d.accuracy) };
}

/** Resolves once a session newer than `after` has drawn its first picture. */
async function sessionReady(after = 0): Promise<void> {
  await page.waitForFunction((n) => {
    const d = document.querySelector<HTMLElement>('#stats')!.dataset;
    return Number(d.session) > n && d.step === '0';
  }, after);
}

/** Changes a setting (which starts a fresh session) and waits for its first picture. */
async function setField(name: string, value: string): Promise<void> {
  const before = Number(await page.locator('#stats').getAttribute('data-session'));
  const field = page.locator(`[name="${name}"]`);
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') {
    await field.selectOption(value);
  } else {
    await field.fill(value);
    await field.dispatchEvent('change');
  }
  await sessionReady(before);
}

beforeAll(async () => {
  await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  server = await serveDirectory(resolve(root, 'dist'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1140, height: 530 } });
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await page.goto(server.url);
  await sessionReady();
});

describe('playground', () => {
  it('trains the spiral on WebGL: the loss halves and the boundary shows both classes', async () => {
    await setField('dataset', 'spiral');
    await setField('backend', 'webgl');
    expect((await stats()).backend).toBe('webgl');
    const started = performance.now();
    await page.click('#train');
    const maxTimerGap = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          // a 20 ms timer keeps firing while training runs: the page is not frozen
          let last = performance.now();
          let worst = 0;
          const id = setInterval(() => {
            const now = performance.now();
            worst = Math.max(worst, now - last);
            last = now;
          }, 20);
          setTimeout(() => (clearInterval(id), resolve(worst)), 2000);
        }),
    );
    await page.waitForFunction(
      () => {
        const d = document.querySelector<HTMLElement>('#stats')!.dataset;
        return Number(d.step) >= 100 && Number(d.loss) <= Number(d.firstLoss) / 2;
      },
      undefined,
      { timeout: 90_000, polling: 250 },
    );
    await page.click('#stop');
    await expect.poll(() => page.locator('#stop').isDisabled()).toBe(true);

    const gap = await maxTimerGap;
    const s = await stats();
    console.info(`spiral on WebGL: loss ${s.firstLoss.toFixed(3)} -> ${s.loss.toFixed(3)} in ${s.step} steps, ${Math.round(performance.now() - started)} ms; longest 20 ms-timer gap while training ${Math.round(gap)} ms`);
    expect(gap).toBeLessThan(1000);
    expect(s.firstLoss).toBeGreaterThan(0.5); // two classes at random start near ln 2
    expect(s.loss).toBeLessThanOrEqual(s.firstLoss / 2);
    expect(s.accuracy).toBeGreaterThan(0.75);

    const pixels = await page.locator('#boundary').evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const colors = new Set<number>();
      let orange = 0;
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        colors.add((r << 16) | (g << 8) | b);
        if (r > b + 40) orange++;
        if (b > r + 40) blue++;
      }
      return { colors: colors.size, orange: orange / (data.length / 4), blue: blue / (data.length / 4) };
    });
    expect(pixels.colors).toBeGreaterThan(50);
    expect(pixels.orange).toBeGreaterThan(0.15);
    expect(pixels.blue).toBeGreaterThan(0.15);

    const norms = await page.locator('#grads .grad-value').allTextContents();
    expect(norms).toHaveLength(3); // two hidden layers and the output layer
    for (const n of norms) expect(Number(n)).toBeGreaterThan(0);

    // no leak: the live tensor count is the same after more steps
    for (let i = 0; i < 3; i++) await page.click('#step');
    await expect.poll(async () => (await stats()).step).toBe(s.step + 3);
    expect((await stats()).tensors).toBe(s.tensors);

    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    expect(errors).toEqual([]);
  });

  it('steps once, resets (freeing the old session), and explains a bad setting', async () => {
    const fresh = (await stats()).tensors;
    await page.click('#step');
    await expect.poll(async () => (await stats()).step).toBe(1);
    expect((await stats()).firstLoss).toBeGreaterThan(0);
    await page.click('#reset');
    await sessionReady(1);
    expect((await stats()).tensors).toBe(fresh);

    await page.locator('[name="hidden"]').fill('16, x');
    await page.locator('[name="hidden"]').dispatchEvent('change');
    await expect.poll(() => page.locator('#error').textContent()).toContain("'x' is not a width between 1 and 512");
    expect(await page.locator('#train').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('trains MNIST digits on the CPU and shows held-out accuracy', async () => {
    await setField('dataset', 'mnist');
    await expect.poll(() => page.locator('#picture-title').textContent()).toContain('Held-out digits');
    for (let i = 0; i < 3; i++) await page.click('#step');
    await expect.poll(async () => (await stats()).step).toBe(3);
    expect(await page.locator('#stats').textContent()).toMatch(/test acc \d+\.\d%/);
    expect(await page.locator('#grads .grad-row').count()).toBe(3);
    expect(errors).toEqual([]);
  });
});
