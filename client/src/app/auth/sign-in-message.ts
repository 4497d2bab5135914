/** The EIP-4361 (Sign-In with Ethereum) message this app asks the wallet to sign. */
import { getAddress } from 'ethers';
import { SiweMessage } from 'siwe';

/** Long enough to approve in the wallet, short enough that a leaked signature soon expires. */
const SIGN_IN_VALIDITY_MS = 10 * 60 * 1000;

export interface SignInRequest {
  /** The site's host (with port), e.g. `localhost:3000`: the server rejects messages for other sites. */
  domain: string;
  /** The site's origin, e.g. `http://localhost:3000`. */
  uri: string;
  address: string;
  chainId: number;
  nonce: string;
  now: Date;
}

export function buildSignInMessage(request: SignInRequest): string {
  return new SiweMessage({
    domain: request.domain,
    address: getAddress(request.address),
    statement: 'Sign in to EHR Hospital',
    uri: request.uri,
    version: '1',
    chainId: request.chainId,
    nonce: request.nonce,
    issuedAt: request.now.toISOString(),
    expirationTime: new Date(request.now.getTime() + SIGN_IN_VALIDITY_MS).toISOString(),
  }).prepareMessage();
}
