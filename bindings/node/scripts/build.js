#!/usr/bin/env node
// Builds the native module from source with cargo and copies it to ./ossio.node.
//
// Two layouts are supported:
// - the repository: this package is bindings/node of the ossio workspace;
// - a packed tarball: `npm pack` vendored the workspace crates into ./native (see pack.js),
//   a small workspace of its own with the same relative layout.
//
// Environment: OSSIO_BUILD_PROFILE (`release` by default, `dev` for quick test builds),
// CARGO (the cargo binary), CARGO_TARGET_DIR (shared target directory, honoured by cargo).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const pkgDir = path.resolve(__dirname, '..');
const vendored = path.join(pkgDir, 'native', 'Cargo.toml');
const repoRoot = path.resolve(pkgDir, '..', '..');
const manifest = fs.existsSync(vendored) ? vendored : path.join(repoRoot, 'Cargo.toml');
if (!fs.existsSync(manifest)) {
  console.error(`ossio: cannot find the Rust sources (looked for ${vendored} and ${manifest})`);
  process.exit(1);
}

const profile = process.env.OSSIO_BUILD_PROFILE || 'release';
const cargo = process.env.CARGO || 'cargo';
const args = ['build', '--manifest-path', manifest, '-p', 'ossio-node', '--lib',
  '--message-format=json-render-diagnostics'];
if (profile === 'release') args.push('--release');
else if (profile !== 'dev') args.push('--profile', profile);

console.error(`ossio: building the native module (${cargo} ${args.join(' ')})`);
const run = spawnSync(cargo, args, { cwd: path.dirname(manifest), stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 });
if (run.error) {
  console.error(`ossio: could not run cargo (${run.error.message}); install Rust from https://rustup.rs`);
  process.exit(1);
}
if (run.status !== 0) {
  console.error(`ossio: cargo build failed with status ${run.status}`);
  process.exit(run.status || 1);
}

// The artifact path comes from cargo itself, whatever the target directory or platform.
let library = null;
for (const line of run.stdout.toString().split('\n')) {
  if (!line.startsWith('{')) continue;
  const msg = JSON.parse(line);
  if (msg.reason === 'compiler-artifact' && msg.target && msg.target.name === 'ossio_node' &&
      msg.target.kind.includes('cdylib')) {
    library = msg.filenames.find((f) => /\.(so|dylib|dll)$/.test(f)) || library;
  }
}
if (!library) {
  console.error('ossio: cargo reported no ossio_node library');
  process.exit(1);
}
const dest = path.join(pkgDir, 'ossio.node');
// Copy to a temporary name and rename: a process that has the old module loaded keeps it.
const tmp = `${dest}.${process.pid}.tmp`;
fs.copyFileSync(library, tmp);
fs.renameSync(tmp, dest);
console.error(`ossio: built ${path.relative(process.cwd(), dest) || dest}`);
