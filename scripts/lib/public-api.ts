/**
 * The public API of the packages, read with the TypeScript compiler: every symbol each package
 * exports from each entry of its `exports` map (the source file behind `dist/….js`), and whether
 * its declaration carries a TSDoc comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './paths.ts';

/** The published packages: every folder of packages/ whose manifest is not private. */
const PACKAGES = readdirSync(join(repoRoot, 'packages')).filter((name) => {
  try {
    return !JSON.parse(readFileSync(join(repoRoot, 'packages', name, 'package.json'), 'utf8')).private;
  } catch {
    return false;
  }
});

export interface PublicExport {
  /** e.g. `@koodrive/client` or `@koodrive/testing/msw`. */
  entry: string;
  name: string;
  documented: boolean;
}

/** The TypeScript source of each JavaScript entry in a package's `exports` map, by import path. */
function sourceEntries(directory: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { default?: string }>;
  };
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file?.endsWith('.js')) continue;
    const source = file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
    entries.set(subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`, join(directory, source));
  }
  return entries;
}

/** Every JavaScript entry of every published package, by import path, with its TypeScript source. */
export function packageEntries(): Map<string, string> {
  return new Map(PACKAGES.flatMap((name) => [...sourceEntries(join(repoRoot, 'packages', name))]));
}

/** Whether a declaration, or the export statement that declares it (`export * as group from …`), has a TSDoc comment. */
function exportStatementDocumented(declaration: ts.Declaration | undefined): boolean {
  const statement = declaration && ts.isNamespaceExport(declaration) ? declaration.parent : undefined;
  if (!statement) return false;
  const text = statement.getSourceFile().getFullText();
  return (ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? []).some(
    (range) => text.slice(range.pos, range.pos + 3) === '/**',
  );
}

export function publicExports(): PublicExport[] {
  const entries = packageEntries();
  const program = ts.createProgram([...entries.values()], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const found: PublicExport[] = [];
  for (const [entry, file] of entries) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read the exports of ${file}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const documented =
        ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== '' ||
        exportStatementDocumented(exported.declarations?.[0]);
      found.push({ entry, name: exported.name, documented });
    }
  }
  return found;
}
