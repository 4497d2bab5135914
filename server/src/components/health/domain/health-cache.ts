/**
 * /api/health is public and unthrottled, and each report probes the chain, MongoDB and IPFS.
 * Reusing one report for a second or two (and sharing a probe already under way) caps that work
 * at one probe set per period however often the endpoint is called.
 */
import type { HealthReport } from '@api';
import { checkHealth, type HealthProbes } from '../data-access/health-check';

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
