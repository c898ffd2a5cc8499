/**
 * The report's embedded fonts (DejaVu, Bitstream Vera licence, from the `dejavu-fonts-ttf`
 * runtime dependency). PDF viewers need an embedded TrueType face to show names such as
 * "Zoë Müller" or "—"; the standard 14 PDF fonts cover Latin-1 only.
 *
 * Resolved at run time, never bundled: from vitest, from dist/cli.mjs (ESM) and from the Electron
 * main bundle (CJS), node_modules is found by module resolution (see resolvers()). PHI_AUDIT_FONTS_DIR overrides it (a packaged app that unpacks fonts elsewhere).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DeskError } from '../errors';

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type FontRole = keyof typeof FONT_FILES;

/**
 * Module resolvers to try, without import.meta (empty in the CJS Electron bundle): the bundle's
 * own require (CJS, or the createRequire banner of dist/cli.mjs), then resolution from the
 * entry script and from the working directory (vitest runs from the repository).
 */
function resolvers(): NodeJS.Require[] {
  const list: NodeJS.Require[] = [];
  if (typeof require === 'function') list.push(require);
  if (process.argv[1]) list.push(createRequire(process.argv[1]));
  list.push(createRequire(join(process.cwd(), 'package.json')));
  return list;
}

function candidateDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.PHI_AUDIT_FONTS_DIR) dirs.push(process.env.PHI_AUDIT_FONTS_DIR);
  for (const r of resolvers()) {
    try {
      dirs.push(join(dirname(r.resolve('dejavu-fonts-ttf/package.json')), 'ttf'));
    } catch {
      // Not resolvable from this starting point; the next resolver may find it.
    }
  }
  return [...new Set(dirs)];
}

let cached: Record<FontRole, string> | undefined;

/** Absolute paths of the report fonts; a clear error if the dependency is missing. */
export function reportFonts(): Record<FontRole, string> {
  if (cached) return cached;
  const dirs = candidateDirs();
  const dir = dirs.find((d) => existsSync(join(d, FONT_FILES.regular)));
  if (!dir) {
    throw new DeskError(
      'INTERNAL',
      `The report fonts (DejaVu) were not found. Looked in: ${dirs.join('; ')}. Reinstall the application.`,
    );
  }
  cached = Object.fromEntries(
    Object.entries(FONT_FILES).map(([role, file]) => [role, join(dir, file)]),
  ) as Record<FontRole, string>;
  return cached;
}
