import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // The built-in profile is imported as text (esbuild: loader .yaml=text); do the same under vitest.
      name: 'yaml-as-text',
      transform(code, id) {
        if (id.endsWith('.yaml')) return { code: `export default ${JSON.stringify(code)};`, map: null };
      },
    },
    {
      // Built-in snippets are bundled as JSON (esbuild: loader .code-snippets=json).
      name: 'code-snippets-as-json',
      transform(code, id) {
        if (id.endsWith('.code-snippets')) return { code: `export default ${code};`, map: null };
      },
    },
  ],
  test: {
    include: ['server/src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/protocol/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
    testTimeout: 30000,
  },
});
