/**
 * The licence hash a doctor registers on chain: keccak256(abi.encode(string licenceNumber, bytes32 salt)).
 * The salt (32 random bytes) makes it a commitment: without the salt a 6-digit licence number can no
 * longer be found by hashing every candidate. The client computes the same (doctors/licence-commitment.ts).
 */
import { AbiCoder, keccak256 } from 'ethers';

export function licenceCommitment(licenceNumber: string, salt: string): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(['string', 'bytes32'], [licenceNumber, salt]));
}
