import { rmSync } from 'node:fs';
import type { Stack } from '../../../scripts/dev/stack';

export default async function globalTeardown(): Promise<void> {
  const { __E2E_STACK__: stack, __E2E_DATA_DIR__: dataDir } = globalThis as { __E2E_STACK__?: Stack; __E2E_DATA_DIR__?: string };
  await stack?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
