// Runs after every Trunk build (Trunk.toml, [[hooks]] post_build) on the
// staging directory, before it becomes dist/:
//  0. makes the loaders call wasm-bindgen's init with an object
//     (`init({ module_or_path })`): Trunk 0.21 writes the workers' loader
//     shim with a bare path, which wasm-bindgen ≥ 0.2.93 answers with a
//     "deprecated parameters" warning in the console on every load. The page's
//     inline loader is rewritten too, should Trunk ever write it the old way,
//     and before its hash goes into the policy; and drops the `integrity`
//     Trunk puts on the wasm's `<link rel="preload" as="fetch">`, which
//     Chromium ignores there with a console warning (the fetch that uses the
//     preload carries none, so with it the preload could not even match);
//  1. adds the Content-Security-Policy to index.html, allowing the inline
//     loader Trunk wrote by its SHA-256 hash (it names hashed files, so its
//     hash changes with every build);
//  2. writes sw.js, the service worker, from web/sw.js with the list of built
//     files and a version derived from their contents (a new build is a new
//     version, which browsers pick up on their next visit).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set');
const sha256 = (data, encoding) => createHash('sha256').update(data).digest(encoding);

// 0. The initialisation call: `init('x.wasm')` / `wasm_bindgen("x.wasm")` →
// `init({ module_or_path: 'x.wasm' })`.
const objectInit = (js) =>
  js.replace(/\b(init|wasm_bindgen)\((['"])([^'"]+\.wasm)\2\)/g, '$1({ module_or_path: $2$3$2 })');
for (const loader of readdirSync(dir).filter((f) => f.endsWith('_loader.js'))) {
  const path = join(dir, loader);
  writeFileSync(path, objectInit(readFileSync(path, 'utf8')));
}

// 1. Content-Security-Policy.
const indexPath = join(dir, 'index.html');
let html = objectInit(readFileSync(indexPath, 'utf8')).replace(/<link\b[^>]*\brel="preload"[^>]*>/gi, (tag) =>
  /\bas="fetch"/i.test(tag) ? tag.replace(/\s+integrity="[^"]*"/i, '') : tag,
);
if (/<[^>]*\son[a-z]+\s*=/i.test(html.replace(/<script[\s\S]*?<\/script>/gi, ''))) {
  throw new Error('post-build: index.html has an inline event handler, which the policy forbids');
}
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${sha256(Buffer.from(body, 'utf8'), 'base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // blob:: the helper worker reads the user's history file (a CSV picked on
  // the page) through a blob: URL of it.
  "connect-src 'self' blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<head>/i, `<head><meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(indexPath, html);

// 2. The service worker.
function files(root) {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const built = files(dir)
  .map((path) => relative(dir, path).split(sep).join('/'))
  .filter((path) => path !== 'sw.js')
  .sort();
const version = sha256(built.map((p) => `${p}:${sha256(readFileSync(join(dir, p)), 'hex')}`).join('\n'), 'hex').slice(0, 16);
const assets = ['./', ...built.map((p) => `./${p}`)];
const template = readFileSync(new URL('../web/sw.js', import.meta.url), 'utf8');
writeFileSync(
  join(dir, 'sw.js'),
  template.replace("'__VERSION__'", JSON.stringify(version)).replace('[] /* __ASSETS__ */', JSON.stringify(assets, null, 2)),
);
console.log(`post-build: CSP with ${hashes.length} inline script hash(es); sw.js version ${version}, ${assets.length} files`);
