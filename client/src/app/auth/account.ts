/** The signed-in account as GET /api/me and POST /api/auth/verify describe it (roles read from chain). */
export type Role = 'admin' | 'doctor' | 'patient';
export type DoctorStatus = 'none' | 'pending' | 'verified' | 'revoked';

export interface Account {
  address: string;
  roles: Role[];
  doctorStatus: DoctorStatus;
}

/** `0x1234…abcd`: enough to recognise an address at a glance. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
