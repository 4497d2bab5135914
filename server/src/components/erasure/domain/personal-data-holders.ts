/**
 * THE list of personal-data holders: every component that keeps a patient's personal data in MongoDB
 * (or points to their documents on IPFS) contributes one entry, exported from its index.ts. An erasure
 * gathers every holder's CIDs first, then calls every `erase`. Each erase is idempotent (a crash redoes
 * them all). The access log (audit_log, patient_access_log) is deliberately absent: it is the legal
 * record of who opened what (docs/decisions/0020-erasure-by-crypto-shredding.md). So are the patient's
 * sessions (`sessions`: a token hash, the address, expiry): they end by themselves (idle and lifetime TTL),
 * and ending them here would sign the patient out before they could read what their erasure did.
 */
import { eraseActivityData } from '../../activity';
import { appointmentNoteCidsOf, eraseAppointmentsData } from '../../appointments';
import { eraseConsentData } from '../../consent';
import { documentKeyCidsOf, eraseDocumentKeysData } from '../../document-keys';
import { erasePatientData } from '../../patients';
import { eraseRecordsData, recordCidsOf } from '../../records';
import { eraseTransactionsData } from '../../transactions';

export interface PersonalDataHolder {
  /** The component's folder name. */
  name: string;
  /** Deletes everything the component holds about `patient` (checksummed address). */
  erase(patient: string): Promise<void>;
  /** The IPFS documents the component points to for `patient`: unpinned and removed after the erase. */
  documentsOf?(patient: string): Promise<string[]>;
}

export const PERSONAL_DATA_HOLDERS: readonly PersonalDataHolder[] = [
  { name: 'document-keys', erase: eraseDocumentKeysData, documentsOf: documentKeyCidsOf },
  { name: 'patients', erase: erasePatientData },
  { name: 'records', erase: eraseRecordsData, documentsOf: recordCidsOf },
  { name: 'appointments', erase: eraseAppointmentsData, documentsOf: appointmentNoteCidsOf },
  { name: 'consent', erase: eraseConsentData },
  { name: 'activity', erase: eraseActivityData },
  { name: 'transactions', erase: eraseTransactionsData },
  // The lead adds here, one line each: { name: 'research', erase: eraseResearchData }
  // and { name: 'emergency', erase: eraseEmergencyData } (from '../../research' and '../../emergency').
];
