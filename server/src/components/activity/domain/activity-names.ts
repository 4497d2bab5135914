/**
 * How people are named in a timeline's words, looked up when the timeline is read (never copied into
 * entries): doctors by the name in their profile (the doctors component's summaries), everyone else by
 * role and a short address, as nothing else names them yet.
 */
import { doctorSummaries, formalDoctorName } from '../../doctors';

export interface Names {
  doctor(address: string): string;
  patient(address: string): string;
  admin(address: string): string;
  /** Someone whose role the event does not say: a doctor's name when there is one. */
  account(address: string): string;
}

/** `0x1234…abcd`, as the client shows addresses. */
export const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

export async function namesFor(addresses: Iterable<string>): Promise<Names> {
  const summaries = await doctorSummaries([...new Set(addresses)]);
  const doctorName = (address: string) => {
    const displayName = summaries.get(address)?.displayName;
    return displayName ? formalDoctorName(displayName) : undefined;
  };
  return {
    doctor: (address) => doctorName(address) ?? `doctor ${shortAddress(address)}`,
    patient: (address) => `patient ${shortAddress(address)}`,
    admin: (address) => `admin ${shortAddress(address)}`,
    account: (address) => doctorName(address) ?? shortAddress(address),
  };
}
