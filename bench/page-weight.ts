import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
  js: number;
  jsGzip: number;
  css: number;
  cssGzip: number;
  /** The files counted, relative to `dist/`. */
  files: string[];
}

const STATIC_IMPORT = /(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'`](\.\/[^"'`]+)["'`]/g;

/**
 * The module scripts a page of `dist/` loads (from its HTML), with their static
 * imports, and the demo chunk of lesson `slug` (loaded on demand by the demo
 * frame) with its imports: paths from the working directory.
 */
export function pageScripts(html: string, slug?: string, distDir = 'dist'): string[] {
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file) || !existsSync(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) visit(join(dirname(file), spec!));
    // The demo frame imports this lesson's client by name.
    const own =
      slug &&
      new RegExp(
        `lessons/${slug}/client\\.ts"\\s*:\\s*\\(\\)\\s*=>[^\`'"]*import\\([\`'"]\\./([^\`'"]+)[\`'"]\\)`,
      ).exec(code);
    if (own) visit(join(dirname(file), own[1]!));
  };
  for (const src of scripts) visit(join(distDir, src));
  return [...files];
}

/**
 * What each lesson page loads from `dist/`, raw and gzipped: its module
 * scripts and their static imports, the lesson's own demo chunk (loaded
 * on demand by the demo frame) with its imports, and its stylesheets.
 */
export function lessonPageWeights(distDir = 'dist'): Record<string, Weight> {
  const lessonsDir = join(distDir, 'lessons');
  if (!existsSync(lessonsDir)) return {};
  const weights: Record<string, Weight> = {};
  for (const slug of readdirSync(lessonsDir)) {
    const html = readFileSync(join(lessonsDir, slug, 'index.html'), 'utf8');
    const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    const weight: Weight = { js: 0, jsGzip: 0, css: 0, cssGzip: 0, files: [] };
    const add = (file: string, kind: 'js' | 'css') => {
      const bytes = readFileSync(file);
      weight[kind] += bytes.length;
      weight[kind === 'js' ? 'jsGzip' : 'cssGzip'] += gzipSync(bytes).length;
      weight.files.push(relative(distDir, file));
    };
    for (const file of pageScripts(html, slug, distDir)) add(file, 'js');
    for (const href of styles) if (existsSync(join(distDir, href))) add(join(distDir, href), 'css');
    weights[slug] = weight;
  }
  return weights;
}
