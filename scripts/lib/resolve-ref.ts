/** Follows local `$ref`s (`#/components/...`, JSON-pointer escaped) in a bundled spec, to the node they name. */
// biome-ignore lint/suspicious/noExplicitAny: specs are plain parsed YAML
export function resolveRef(doc: Record<string, any>, node: any): any {
  if (typeof node?.$ref !== 'string') return node;
  const target = (node.$ref as string)
    .slice(2)
    .split('/')
    // biome-ignore lint/suspicious/noExplicitAny: walking plain parsed YAML
    .reduce((value: any, key) => value?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return resolveRef(doc, target);
}
