/** IRegistry.DoctorStatus as the API spells it. The numeric order is the contract's enum order. */
export const DOCTOR_STATUSES = ['none', 'pending', 'verified', 'revoked'] as const;
export type DoctorStatus = (typeof DOCTOR_STATUSES)[number];

export function doctorStatusFromChain(value: bigint | number): DoctorStatus {
  const status = DOCTOR_STATUSES[Number(value)];
  if (!status) throw new Error(`Unknown DoctorStatus ${value} from the Registry`);
  return status;
}
