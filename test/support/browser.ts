/**
 * The headless browser of the tests, installed by `npm ci` alone: @sparticuz/chromium carries a
 * Chromium build in its npm tarball (Brotli-compressed, linux-x64), with the NSS libraries that
 * build links to and a font, so no apt step, no download at install or test time and no install
 * script (npm 11 does not run dependencies' scripts unless approved).
 *
 * The files are unpacked here rather than by the package's `executablePath()`: that one unpacks to
 * a fixed `/tmp/chromium` shared by every project and version on the machine (and reuses whatever
 * is there), skips the NSS libraries outside AWS Lambda, and points fontconfig at `/tmp/fonts`.
 * Here each version gets its own folder under node_modules/.cache, made whole under a temporary
 * name and renamed into place, so parallel test runs never start a half-written browser.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

/** The package's root: its CommonJS entry is build/cjs/index.cjs (package.json is not exported). */
const PACKAGE = resolve(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '../..');
const VERSION = (JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
const FOLDER = resolve(import.meta.dirname, '../../node_modules/.cache/sahel-sim', `chromium-${VERSION}`);

/**
 * Playwright's own defaults already turn off the sandbox (needed as root), background networking,
 * component updates, sync and first-run pages. There is no GPU stack (the package's SwiftShader is
 * not unpacked), so say so rather than let Chromium look for one.
 */
const ARGS = ['--disable-gpu'];

/** Only the bundled Open Sans, so screenshots look the same whatever fonts the machine has (or lacks). */
function fontsConf(folder: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(folder, 'fonts', 'fonts')}</dir>
  <cachedir>${join(folder, 'fonts', 'cache')}</cachedir>
</fontconfig>
`;
}

function untar(archive: string, into: string): void {
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-x', '-C', into], { input: brotliDecompressSync(readFileSync(archive)) });
}

async function unpack(): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`@sparticuz/chromium ships a linux-x64 Chromium only; this machine is ${process.platform}-${process.arch}.`);
  }
  if (existsSync(join(FOLDER, 'chromium'))) return FOLDER;
  mkdirSync(dirname(FOLDER), { recursive: true });
  const partial = mkdtempSync(`${FOLDER}.partial-`);
  const bin = join(PACKAGE, 'bin');
  try {
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(partial, 'chromium'), { mode: 0o755 }));
    untar(join(bin, 'al2023.tar.br'), partial); // lib/: libnss3, libnspr4, libexpat …
    untar(join(bin, 'fonts.tar.br'), join(partial, 'fonts')); // fonts/Open_Sans/*.ttf
    writeFileSync(join(partial, 'fonts', 'fonts.conf'), fontsConf(FOLDER));
    renameSync(partial, FOLDER);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    // Another test run renamed its copy into place first: use that one.
    if (existsSync(join(FOLDER, 'chromium'))) return FOLDER;
    throw error;
  }
  return FOLDER;
}

let unpacked: Promise<string> | undefined;

/** The browser's folder (chromium, lib/, fonts/), unpacked on first use (about 2 s) and kept. */
export function chromiumFolder(): Promise<string> {
  unpacked ??= unpack();
  return unpacked;
}

/** A headless Chromium; the caller closes it. */
export async function launchBrowser(): Promise<Browser> {
  const folder = await chromiumFolder();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env['LD_LIBRARY_PATH'] = [join(folder, 'lib'), process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':');
  env['FONTCONFIG_FILE'] = join(folder, 'fonts', 'fonts.conf');
  return chromium.launch({ executablePath: join(folder, 'chromium'), args: ARGS, headless: true, env });
}
