/** `.code-snippets` files are bundled as JSON (esbuild loader `.code-snippets: json`, same under vitest). */
declare module '*.code-snippets' {
  const value: Record<string, unknown>;
  export default value;
}
