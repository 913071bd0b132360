import { defineConfig } from 'vitest/config'

/** `npm run test:slow`: the checks too long for `npm test` (big journals, a real full disk, soaks). */
export default defineConfig({
  test: {
    include: ['src/**/*.slow.test.ts', 'test/**/*.slow.test.ts'],
    environment: 'node',
    testTimeout: 10 * 60_000,
    hookTimeout: 60_000,
    // One at a time: each of them loads the machine on its own.
    fileParallelism: false,
  },
})
