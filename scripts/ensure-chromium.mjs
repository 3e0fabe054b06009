#!/usr/bin/env node
/*
 * Finds the Chromium that the browser tests drive (CHROMIUM_PATH, else /usr/bin/chromium) and
 * prints its path. If it is missing and we run as root on Debian, installs Debian's `chromium`
 * with apt; otherwise exits 1 with how to install it. Never downloads a browser from elsewhere.
 *
 * Usage: node scripts/ensure-chromium.mjs
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

const configured = process.env.CHROMIUM_PATH;
if (configured) {
  if (!executable(configured)) fail(`CHROMIUM_PATH=${configured} is not an executable file. Point it at a Chromium binary or unset it to use ${DEFAULT_PATH}.`);
  console.log(configured);
  process.exit(0);
}
if (executable(DEFAULT_PATH)) {
  console.log(DEFAULT_PATH);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && executable('/usr/bin/apt-get');
if (!isRoot || !isDebian) {
  fail(
    `Chromium was not found at ${DEFAULT_PATH}. The WebGL browser tests need it. Install Debian's package ` +
      '(sudo apt-get update && sudo apt-get install -y chromium), or set CHROMIUM_PATH to an installed Chromium.',
  );
}

console.error(`ensure-chromium: ${DEFAULT_PATH} is missing; installing Debian's chromium with apt-get (root on Debian)`);
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
} catch (e) {
  fail(`apt-get install chromium failed (${e instanceof Error ? e.message : String(e)}). Install it by hand: apt-get update && apt-get install -y chromium`);
}
if (!executable(DEFAULT_PATH)) fail(`apt-get finished but ${DEFAULT_PATH} is still missing`);
console.log(DEFAULT_PATH);
