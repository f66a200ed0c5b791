import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    // The CLI keeps a cache in XDG_CACHE_HOME: a temporary one for each run of the tests.
    globalSetup: ["test/helpers/cache-home.ts"],
    // Integration tests build real git repositories; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", ["json", { outputFile: "dist/test-results.json" }]],
  },
});
