// A rollup plugin for the CDN builds: the licences of the packages a file bundles travel with it.
// - Each output file that holds code of an npm package starts with a `/*! … */` notice naming each
//   of them with its version and licence (terser keeps `/*!` comments; the plugin runs after it).
// - THIRD-PARTY-NOTICES.txt beside the files gives, for every bundled package, its licence as its
//   package.json declares it and the text of its licence files (LICENSE*, COPYING*, NOTICE*).
// Read from the modules rollup actually bundled, so the list cannot drift from the build. Source
// maps follow the added line (magic-string).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import MagicString from 'magic-string';

export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';
const NODE_MODULES = `${sep}node_modules${sep}`;
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

/** The npm package a bundled module belongs to ({name, root}), or null for the project's own. */
function packageOf(id) {
  const at = id.lastIndexOf(NODE_MODULES);
  if (at < 0) return null;
  const parts = id.slice(at + NODE_MODULES.length).split(sep);
  const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  return { name, root: join(id.slice(0, at + NODE_MODULES.length), ...name.split('/')) };
}

/** A bundled package: its version, declared licence and licence texts. */
function describe({ name, root }) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const license = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'UNKNOWN');
  const texts = existsSync(root)
    ? readdirSync(root)
        .filter((file) => LICENCE_FILE.test(file))
        .sort()
        .map((file) => ({ file, text: readFileSync(join(root, file), 'utf8').trim() }))
    : [];
  return { name, version: manifest.version, license, texts };
}

export default function thirdPartyNotices() {
  /** Every package bundled into some file of this build, by name. */
  const bundled = new Map();
  const packagesOf = (moduleIds) => {
    const found = new Map();
    for (const id of moduleIds) {
      const pkg = packageOf(id);
      if (pkg && !found.has(pkg.name)) found.set(pkg.name, pkg);
    }
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name)).map((pkg) => bundled.get(pkg.name) ?? describe(pkg));
  };
  return {
    name: 'third-party-notices',
    renderChunk(code, chunk) {
      const packages = packagesOf(chunk.moduleIds);
      if (packages.length === 0) return null;
      for (const pkg of packages) bundled.set(pkg.name, pkg);
      const names = packages.map((pkg) => `${pkg.name} ${pkg.version} (${pkg.license.replace(/^\((.*)\)$/, '$1')})`).join(', ');
      const notice = `/*! ${chunk.fileName.split('/').pop()} bundles ${names}; their licences: ${NOTICES_FILE} */\n`;
      const text = new MagicString(code);
      text.prepend(notice);
      return { code: text.toString(), map: text.generateMap({ hires: true }) };
    },
    generateBundle() {
      const sections = [...bundled.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((pkg) => {
          const texts = pkg.texts.length
            ? pkg.texts.map(({ file, text }) => `--- ${file} ---\n${text}`).join('\n\n')
            : `(The package ships no licence file; its package.json declares ${pkg.license}.)`;
          return `${pkg.name} ${pkg.version}\nLicence: ${pkg.license}\n\n${texts}`;
        });
      this.emitFile({
        type: 'asset',
        fileName: NOTICES_FILE,
        source:
          'kyc-onboarding (MIT, see LICENSE) bundles these packages into its CDN files. Each file names, in its\n' +
          'first comment, the packages it holds.\n\n' +
          sections.join(`\n\n${'='.repeat(78)}\n\n`) +
          '\n',
      });
    },
  };
}
