/** What an erasure destroys and what it leaves, in the words both the patient's panel and the admin's form use. */
import type { ErasureRemains } from '@api';

export const DESTROYED = [
  'every key that opens your documents: yours, the ones you gave your doctors, and your recovery copies',
  'the documents themselves on our IPFS node (unpinned and deleted)',
  'your profile: name, date of birth, contact details, emergency contact, allergies and conditions',
  'your appointments, consents, records list, timeline and transaction history as this server keeps them',
  'notes and uploads of yours that were not on the blockchain yet',
] as const;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What stays, each with why: the chain cannot forget, and the access log is the legal record. */
export function remainsSentences(remains: ErasureRemains): string[] {
  return [
    `On the blockchain: ${plural(remains.recordPointers, 'pointer to an encrypted document', 'pointers to encrypted documents')} nobody can open any more (the keys are destroyed); a blockchain cannot delete what it has recorded.`,
    `On the blockchain: the times of ${plural(remains.appointmentEvents, 'appointment event', 'appointment events')} and ${plural(remains.consentEvents, 'consent event', 'consent events')}, with your account address but no names or health data.`,
    `In the access log: ${plural(remains.accessLogEntries, 'entry', 'entries')} of who opened your data and when; the clinic must keep this legal record, and it holds no profile or document content.`,
  ];
}
