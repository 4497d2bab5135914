/** IRegistry.DoctorStatus as the API spells it (api/chain-values.ts, in the contract's enum order). */
import { DOCTOR_STATUSES, type DoctorStatus } from '@api';

export { DOCTOR_STATUSES, type DoctorStatus };

export function doctorStatusFromChain(value: bigint | number): DoctorStatus {
  const status = DOCTOR_STATUSES[Number(value)];
  if (!status) throw new Error(`Unknown DoctorStatus ${value} from the Registry`);
  return status;
}
