#!/usr/bin/env node
// `npm pack` support: copies the Rust sources this package builds from into ./native, a
// small workspace with the repository's layout, so the tarball builds on its own.
// `--clean` removes ./native again (run after packing).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const pkgDir = path.resolve(__dirname, '..');
const repo = path.resolve(pkgDir, '..', '..');
const out = path.join(pkgDir, 'native');

fs.rmSync(out, { recursive: true, force: true });
if (process.argv.includes('--clean')) process.exit(0);

const CRATES = ['crates/ossio-macros', 'crates/ossio-core', 'crates/ossio', 'crates/ossio-server'];
const skip = new Set(['target', 'node_modules', 'native', 'tests', 'benches', 'examples', '.git']);
function copy(from, to, top = true) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.has(e.name) && (top || !['tests', 'examples', 'benches'].includes(e.name))) continue;
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copy(a, b, false);
    else if (e.isFile()) fs.copyFileSync(a, b);
  }
}
for (const c of CRATES) {
  copy(path.join(repo, c), path.join(out, c));
  // Tests, examples and benches stay behind, and so do the dependencies only they use.
  const toml = path.join(out, c, 'Cargo.toml');
  fs.writeFileSync(toml, fs.readFileSync(toml, 'utf8').replace(/^\[dev-dependencies\][\s\S]*?(?=^\[|$(?![\s\S]))/m, ''));
}
const node = path.join(out, 'bindings', 'node');
fs.mkdirSync(node, { recursive: true });
for (const f of ['Cargo.toml', 'build.rs']) fs.copyFileSync(path.join(pkgDir, f), path.join(node, f));
copy(path.join(pkgDir, 'src'), path.join(node, 'src'));
// Crates may include the README in their docs.
fs.copyFileSync(path.join(repo, 'README.md'), path.join(out, 'README.md'));
if (fs.existsSync(path.join(repo, 'Cargo.lock'))) fs.copyFileSync(path.join(repo, 'Cargo.lock'), path.join(out, 'Cargo.lock'));

// The workspace manifest: the repository's, with only the vendored members and the
// workspace dependencies that exist here.
let manifest = fs.readFileSync(path.join(repo, 'Cargo.toml'), 'utf8');
manifest = manifest.replace(/^members\s*=\s*\[[^\]]*\]/m, `members = [${[...CRATES, 'bindings/node'].map((m) => JSON.stringify(m)).join(', ')}]`);
manifest = manifest.split('\n').filter((line) => {
  const m = /^([A-Za-z0-9_-]+)\s*=\s*\{[^}]*path\s*=\s*"([^"]+)"/.exec(line);
  return !m || CRATES.includes(m[2]);
}).join('\n');
fs.writeFileSync(path.join(out, 'Cargo.toml'), manifest);
console.error(`ossio: vendored ${CRATES.join(', ')} and bindings/node into native/`);
