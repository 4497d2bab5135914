/** A complete, valid doctor profile (the paper's form) for tests; override what the test is about. */
import type { DoctorProfileRequest } from '@api';

export function doctorProfile(
  firstName: string,
  lastName: string,
  overrides: Partial<DoctorProfileRequest> = {},
): DoctorProfileRequest {
  return {
    firstName,
    lastName,
    dateOfJoining: '2019-09-02',
    email: `${firstName}.${lastName}@example.org`.toLowerCase().replaceAll(' ', ''),
    mobile: '+447700900123',
    city: 'Manchester',
    state: 'Greater Manchester',
    ...overrides,
  };
}
