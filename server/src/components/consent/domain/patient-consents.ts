/**
 * A patient's doctors: every doctor the patient has (or had) a consent relationship with, each with
 * its access read live from the Consent contract. The read model only says which pairs exist, so a
 * grant suspended by the doctor's revocation is found without listing revoked doctors (admins only).
 */
import type { Consent, Registry } from '@contracts/types';
import type { PatientConsentPage } from '@api';
import { doctorSummaries } from '../../doctors';
import { findPairsOfPatient } from '../data-access/consent-pair-store';
import { assertMayListConsents } from './consent-policy';
import { readConsent } from './consent-view';

export async function listPatientConsents(
  contracts: { consent: Consent; registry: Registry },
  caller: string,
  query: { patient: string; offset: number; limit: number },
): Promise<PatientConsentPage> {
  await assertMayListConsents(contracts.registry, caller, query.patient);
  const { items, total } = await findPairsOfPatient(query);
  const doctors = items.map((pair) => pair.doctor);
  const [summaries, views] = await Promise.all([
    doctorSummaries(doctors),
    Promise.all(doctors.map((doctor) => readConsent(contracts, query.patient, doctor))),
  ]);
  return {
    items: views.map((consent) => {
      const { address, ...summary } = summaries.get(consent.doctor) ?? { address: consent.doctor };
      return { doctor: address, ...summary, consent };
    }),
    total,
  };
}
