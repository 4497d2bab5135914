/**
 * Turns a failed transaction into a sentence for the user: the contract's custom error decoded
 * through its ABI when there is one, the wallet's own message otherwise.
 */
import { isError, type Interface } from 'ethers';
import { WalletErrorCode, messageOf, walletErrorCode } from './eip1193';

/** A chain timestamp (unix seconds) as a date and time in the reader's locale and time zone. */
const chainDate = (seconds: unknown) =>
  new Date(Number(seconds) * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const minutes = (seconds: unknown) => Number(seconds) / 60;
const days = (seconds: unknown) => Number(seconds) / 86_400;

/** Plain-language text for custom errors a person can actually run into. */
const EXPLANATIONS: Record<string, (args: readonly unknown[]) => string> = {
  RegistryAlreadyRegistered: () => 'This account is already registered.',
  RegistryInvalidLicenceHash: () => 'Enter a licence number.',
  RegistryInvalidDoctorStatus: ([doctor]) => `Doctor ${String(doctor)} is not in a status that allows this change.`,
  RegistryUnauthorizedAdmin: () => 'Only an admin can do this.',
  RegistryZeroAddress: () => 'An account address is required.',
  RegistryLastAdmin: () => 'The last admin cannot be removed.',
  RegistryAdminUnchanged: () => 'That account is already in the requested admin state.',
  ConsentZeroAddress: () => 'A doctor account is required.',
  ConsentNotPatient: () => 'Only a registered patient can give or take back access.',
  ConsentNotVerifiedDoctor: ([doctor]) => `Doctor ${String(doctor)} is not verified, so cannot be given access.`,
  ConsentInvalidExpiry: () => 'The access must end in the future.',
  ConsentNotGranted: () => 'This doctor has no access to take back.',
  AppointmentsSlotTaken: () => 'That time was just taken by another booking; pick another free slot.',
  AppointmentsTermsNotSet: () => 'This doctor has not published a fee and slot length yet, so cannot be booked.',
  AppointmentsInvalidSlotLength: ([, min, max]) =>
    `A slot must last between ${minutes(min)} and ${minutes(max)} minutes.`,
  AppointmentsInvalidPeriod: ([, min, max]) => `Each period must last between ${days(min)} and ${days(max)} days.`,
  AppointmentsClosingPeriodOver: ([id, deadline]) =>
    `Appointment #${String(id)} could be completed or marked as a no-show only until ${chainDate(deadline)}; the patient may now reclaim the fee.`,
  AppointmentsClosingPeriodNotOver: ([id, deadline]) =>
    `The doctor may still close appointment #${String(id)} until ${chainDate(deadline)}; you can reclaim the fee after that.`,
  AppointmentsDisputePeriodOver: ([id, deadline]) =>
    `The no-show of appointment #${String(id)} could be disputed only until ${chainDate(deadline)}.`,
  AppointmentsDisputePeriodNotOver: ([id, deadline]) =>
    `The patient may dispute the no-show of appointment #${String(id)} until ${chainDate(deadline)}; you can claim the fee after that.`,
  AppointmentsFeeAlreadySettled: ([id]) => `The fee of appointment #${String(id)} has already been paid out.`,
  AppointmentsInvalidRange: ([, , maxLength]) =>
    `Pick a time range that runs forwards and spans at most ${days(maxLength)} days.`,
  EmergencyNotVerifiedDoctor: () => 'Only a verified doctor can use emergency access.',
  EmergencyNotPatient: ([account]) => `${String(account)} is not a registered patient.`,
  EmergencyJustificationRequired: () => 'A justification is required to use emergency access.',
  EmergencyAccessNotOpen: () => 'This emergency access is not open any more (it ended or ran out).',
  EmergencyUnauthorizedCloser: () => 'Only the patient, the doctor or an admin can end an emergency access.',
  EmergencyInvalidWindow: ([, min, max]) =>
    `The emergency window must last between ${Number(min) / 3600} and ${Number(max) / 3600} hours.`,
  EmergencyZeroKey: () => 'The clinic emergency key cannot be empty.',
  AppointmentsConsentRevokedSinceRequest: () =>
    'The patient took back your access after requesting this appointment, so it cannot be accepted. Reject it to return the fee; the patient can book again.',
};

export function describeTransactionError(error: unknown, contractErrors: Interface): string {
  if (walletErrorCode(error) === WalletErrorCode.userRejected || isError(error, 'ACTION_REJECTED')) {
    return 'You rejected the transaction in your wallet.';
  }
  const decoded = decodeRevert(error, contractErrors);
  if (decoded) {
    const explain = EXPLANATIONS[decoded.name];
    return explain ? explain(decoded.args) : `The contract refused: ${decoded.name}(${decoded.args.join(', ')})`;
  }
  return `Transaction failed: ${messageOf(error)}`;
}

interface DecodedRevert {
  name: string;
  args: readonly unknown[];
}

function decodeRevert(error: unknown, contractErrors: Interface): DecodedRevert | null {
  if (isError(error, 'CALL_EXCEPTION') && error.revert) return error.revert;
  const data = revertData(error);
  if (!data) return null;
  try {
    const parsed = contractErrors.parseError(data);
    return parsed && { name: parsed.name, args: parsed.args.toArray() };
  } catch {
    return null;
  }
}

/** Wallets nest revert data differently (ethers: `data`; MetaMask: `data.data` or `error.data`). */
function revertData(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (typeof current === 'string' && /^0x[0-9a-f]{8}/i.test(current)) return current;
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const { data, error: inner, info } = current as { data?: unknown; error?: unknown; info?: unknown };
    queue.push(data, inner, info);
  }
  return undefined;
}
