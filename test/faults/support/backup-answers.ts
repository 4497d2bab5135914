/**
 * What each role sees through the API, recorded before the backup and again on the restored stack.
 * Only GET routes; the doctor's document key is fetched after the comparison, when the drill opens it.
 */
import type { Agent } from 'supertest';
import type { BackupWorld, Role } from './backup-world';

export type Answers = Record<string, { status: number; body: unknown }>;

export function routesPerRole(world: BackupWorld): Record<Role, string[]> {
  const patient = world.patient.wallet.address;
  const doctor = world.doctor.wallet.address;
  return {
    patient: [
      '/api/me',
      '/api/patients/me',
      `/api/records?patient=${patient}`,
      `/api/documents/keys?patient=${patient}`,
      '/api/audit/me',
      `/api/consent/${patient}`,
      `/api/keys/${doctor}`,
      '/api/activity',
    ],
    doctor: [
      '/api/me',
      `/api/doctors/${doctor}`,
      `/api/patients/${patient}`,
      `/api/records?patient=${patient}`,
      `/api/keys/${patient}`,
    ],
    admin: ['/api/me', '/api/doctors', '/api/stats', '/api/audit', '/api/transactions'],
  };
}

/**
 * A doctor's read of the patient's profile or records is itself a write: it lands in the patient's access
 * log and activity feed. So the roles are read in an order that makes both recordings see the same state:
 * before the backup the doctor reads first (those log entries are then part of what is backed up, and the
 * patient and admin see them); after the restore the patient and admin read first (the restored log, not
 * yet grown) and the doctor last. No field is left out of the comparison: every answer, timestamps, hashes
 * and the access log's hash chain included, must come back identical.
 */
export const BEFORE_BACKUP: Role[] = ['doctor', 'patient', 'admin'];
export const AFTER_RESTORE: Role[] = ['patient', 'admin', 'doctor'];

export async function recordAnswers(world: BackupWorld, agents: Record<Role, Agent>, order: Role[]): Promise<Answers> {
  const routes = routesPerRole(world);
  const answers: Answers = {};
  for (const role of order) {
    for (const route of routes[role]) {
      const response = await agents[role].get(route);
      answers[`${role} GET ${route}`] = { status: response.status, body: response.body as unknown };
    }
  }
  return answers;
}
