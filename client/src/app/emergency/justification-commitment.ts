/**
 * The commitment a doctor's breakGlass puts on chain: keccak256(abi.encodePacked(bytes32 salt, string text)),
 * as IEmergencyAccess documents it. The chain is public and keeps it for good, so only the hash goes there;
 * the salt (32 random bytes from WebCrypto) stops anyone from guessing a short justification by trying texts.
 * The API keeps text and salt, checks they hash to the commitment of the EmergencyAccessOpened event, and
 * shows the text to the patient and the admins.
 */
import { hexlify, solidityPackedKeccak256 } from 'ethers';

export interface JustificationCommitment {
  justification: string;
  salt: string;
  commitment: string;
}

export function justificationCommitmentOf(justification: string, salt: string): string {
  return solidityPackedKeccak256(['bytes32', 'string'], [salt, justification]);
}

/** A fresh commitment to the justification as typed (trimmed); every call draws a new salt. */
export function newJustificationCommitment(text: string): JustificationCommitment {
  const justification = text.trim();
  const salt = hexlify(crypto.getRandomValues(new Uint8Array(32)));
  return { justification, salt, commitment: justificationCommitmentOf(justification, salt) };
}
