import { AppError } from '../../../libraries/errors';

export type SiweFailure =
  | 'SIWE_INVALID_SIGNATURE'
  | 'SIWE_NONCE_INVALID'
  | 'SIWE_EXPIRED'
  | 'SIWE_NOT_YET_VALID'
  | 'SIWE_DOMAIN_MISMATCH'
  | 'SIWE_CHAIN_MISMATCH'
  | 'SIWE_MALFORMED';

/** Every sign-in failure is a 401 with a code the client can explain to the user. */
export const siweError = (code: SiweFailure, message: string) => new AppError(401, code, message);
