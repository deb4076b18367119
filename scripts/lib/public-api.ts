/**
 * The public API of the packages, read with the TypeScript compiler: every symbol each package
 * exports from each entry of its `exports` map (the source file behind `dist/….js`), and whether
 * its declaration carries a TSDoc comment.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './paths.ts';

const PACKAGES = ['types', 'client', 'testing'] as const;

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

export function publicExports(): PublicExport[] {
  const entries = new Map(PACKAGES.flatMap((name) => [...sourceEntries(join(repoRoot, 'packages', name))]));
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
      const documented = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== '';
      found.push({ entry, name: exported.name, documented });
    }
  }
  return found;
}
