/**
 * The booking reason is an encrypted note on IPFS (its CID on chain in AppointmentRequested), wrapped for the
 * patient and the doctor they booked. A doctor must be able to read it before accepting, when no consent
 * grant exists yet: the appointment itself is the ground. The document-keys component asks this before
 * serving the note's key, and names the answer in the audit entry of that read (the audit of a reason read
 * lives there, with the key, because the server never holds the reason itself).
 */
import { getAddress, isAddress } from 'ethers';
import { findAppointmentByReason } from '../data-access/appointment-store';

/**
 * `appointment #N` when `patient` booked `doctor` with the reason note `cid` (any status: a rejected or past
 * appointment's reason stays readable to the doctor it was written for); null otherwise.
 */
export async function appointmentGroundForReason(patient: string, doctor: string, cid: string): Promise<string | null> {
  if (!isAddress(patient) || !isAddress(doctor) || cid === '') return null;
  const appointment = await findAppointmentByReason(getAddress(patient), getAddress(doctor), cid);
  return appointment ? `appointment #${appointment.id}` : null;
}
