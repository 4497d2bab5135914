/**
 * The licence hash a doctor registers on chain: keccak256(abi.encode(string licenceNumber, bytes32 salt))
 * with 32 random bytes from WebCrypto. An unsalted hash of a short licence number is reversed by trying
 * every number; the salt stays off chain (stored for admins by the API), so only the clinic can check it.
 * The server computes the same (server/src/components/doctors/domain/licence-commitment.ts).
 */
import { AbiCoder, hexlify, keccak256 } from 'ethers';

export interface LicenceCommitment {
  licenceNumber: string;
  salt: string;
  hash: string;
}

export function licenceCommitmentOf(licenceNumber: string, salt: string): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(['string', 'bytes32'], [licenceNumber, salt]));
}

/** A fresh commitment to a licence number as typed (trimmed); every call has a new salt. */
export function newLicenceCommitment(licence: string): LicenceCommitment {
  const licenceNumber = licence.trim();
  const salt = hexlify(crypto.getRandomValues(new Uint8Array(32)));
  return { licenceNumber, salt, hash: licenceCommitmentOf(licenceNumber, salt) };
}
