import { defineConfig } from 'vitest/config';

// The pure helpers (header, chunks, reassembly) need no browser: Node has crypto.subtle and Blob.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
