import { rmSync } from 'node:fs';
import type { TestStackHandles } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const handles = (globalThis as { __EHR_SERVER_TEST__?: TestStackHandles }).__EHR_SERVER_TEST__;
  if (!handles) return;
  // Stop in reverse start order; one failing stop must not leave the others running.
  await Promise.allSettled([...handles.stops].reverse().map((stop) => stop()));
  rmSync(handles.dataDir, { recursive: true, force: true });
}
