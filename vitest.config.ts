import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    globalSetup: ['tests/helpers/global-setup.ts'],
    // The map's stylesheet is imported as text (`map.css?raw`, inlined by the bundle); vitest hands
    // stylesheets over empty unless they are included here.
    css: { include: [/\/src\/views\/map\/browser\/.*\.css/] },
  },
});
