/**
 * Reading the access log: a patient their own entries, admins anyone's. Roles are asked of the
 * Registry on each request.
 */
import type { Anchoring, Registry } from '@contracts/types';
import type { AuditEntry, AuditMeQuery, AuditPage, AuditQuery, AuditVerification } from '@api';
import { forbidden } from '../../../libraries/errors';
import { readAnchoredHead } from '../data-access/anchored-head';
import { findEntries, type AuditFilter, type AuditRecord } from '../data-access/audit-store';
import { verifyChain } from './verify-chain';

const toView = (entry: AuditRecord): AuditEntry => ({ ...entry, at: entry.at.toISOString() });

const requireAdmin = async (registry: Registry, reader: string) => {
  if (!(await registry.isAdmin(reader))) throw forbidden('Only admins may read the whole access log', 'ADMIN_ONLY');
};

/** GET /api/audit/me: who read (or was refused) the signed-in patient's data. */
export async function ownAudit(registry: Registry, reader: string, query: AuditMeQuery): Promise<AuditPage> {
  if (!(await registry.isPatient(reader))) throw forbidden('Only patients have an access log', 'PATIENT_ONLY');
  const { items, total } = await findEntries({ patient: reader }, query);
  return { items: items.map(toView), total };
}

/** GET /api/audit (admins). */
export async function searchAudit(registry: Registry, reader: string, query: AuditQuery): Promise<AuditPage> {
  await requireAdmin(registry, reader);
  const { offset, limit, ...filter } = query;
  const { items, total } = await findEntries(filter satisfies AuditFilter, { offset, limit });
  return { items: items.map(toView), total };
}

/** GET /api/audit/verify (admins): the chain, and the head anchored on chain (whoever anchored it). */
export async function verifyAudit(
  contracts: { registry: Registry; anchoring: Anchoring },
  reader: string,
  anchoringOn: boolean,
): Promise<AuditVerification> {
  await requireAdmin(contracts.registry, reader);
  const check = await verifyChain(await readAnchoredHead(contracts.anchoring));
  return { ...check, anchoring: anchoringOn ? 'on' : 'off' };
}
