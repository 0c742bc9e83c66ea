import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests spawn git, cmake and compilers; two cores go far
    // enough with two workers.
    maxWorkers: 2,
  },
});
