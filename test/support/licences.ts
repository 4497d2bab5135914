/**
 * Licence hashes for tests. The Registry stores any non-zero bytes32; the client registers a salted
 * commitment keccak256(abi.encode(string licenceNumber, bytes32 salt)) (client/src/app/doctors/
 * licence-commitment.ts, checked by the server's domain/licence-commitment.ts). Computed here again,
 * independently, so a test can tell whether the app's own computation is right.
 */
import { AbiCoder, id, keccak256 } from 'ethers';

/** The plain keccak256 of `label`: a stand-in hash where the salt does not matter, and the unsalted hash a leak would expose. */
export const licenceHash = (label: string): string => id(label);

/** One fixed salt, so a test can compute a registration's hash again (a real registration uses 32 random bytes). */
export const TEST_LICENCE_SALT = id('ehr-server-test-licence-salt');

/** The salted commitment the client registers for `licenceNumber`. */
export function licenceCommitment(licenceNumber: string, salt: string = TEST_LICENCE_SALT): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(['string', 'bytes32'], [licenceNumber, salt]));
}
