import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** The font every plot asks for; DejaVu ships with most Linux systems, resvg falls back otherwise. */
const FONT = 'DejaVu Sans';

/** Renders a vega-lite spec to an SVG string (vega's headless renderer, no browser or canvas). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const withFont = { ...spec, config: { font: FONT, ...spec.config } } as TopLevelSpec;
  const view = new View(parse(compile(withFont).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders a vega-lite spec to PNG bytes at twice the spec's pixel size (crisp in READMEs). */
export async function renderPng(spec: TopLevelSpec): Promise<Uint8Array> {
  const svg = await renderSvg(spec);
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: FONT },
  });
  return resvg.render().asPng();
}

/**
 * Renders `spec` and writes it as `<outDir>/<fileName>` (PNG), creating the directory.
 * Returns the path written.
 */
export async function savePlot(outDir: string, fileName: string, spec: TopLevelSpec): Promise<string> {
  const png = await renderPng(spec);
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, fileName);
  writeFileSync(path, png);
  return path;
}
