/**
 * /api/health is public and unthrottled, and each report probes the chain, MongoDB and IPFS.
 * Reusing one report for up to a second (and sharing a probe already under way) caps that work
 * at one probe set per period however often the endpoint is called. The period is at most
 * MAX_HEALTH_CACHE_MS (config checks HEALTH_CACHE_MS against it): a dependency that goes down shows
 * within 2 s, the last report's age plus a probe.
 */
import type { HealthReport } from '@api';
import { checkHealth, type HealthProbes } from '../data-access/health-check';

export const MAX_HEALTH_CACHE_MS = 1_000;

export function cachedHealthCheck(probes: HealthProbes, maxAgeMs: number): () => Promise<HealthReport> {
  let latest: { report: Promise<HealthReport>; startedAt: number } | undefined;
  return () => {
    const now = Date.now();
    if (!latest || now - latest.startedAt >= maxAgeMs) {
      latest = { report: checkHealth(probes), startedAt: now };
    }
    return latest.report;
  };
}
