/** The command line that reruns one property's counterexample: same property, seed and fast-check path, same target. */
const quote = (arg: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

export function replayCommand(property: string, seed: number, path: string, targetArgs: readonly string[] = []): string {
  return ['xs2a-conformance', 'property', property, '--seed', String(seed), '--path', path, ...targetArgs].map(quote).join(' ');
}
