/**
 * The authorization matrix: every route × the seven kinds of caller, one test per cell, each answered by
 * the real app through supertest. A component test gives rows (method, path, body, expected status per
 * caller); `signInCallers` makes the six signed-in callers real: funded wallets registered on the test
 * chain (doctors, the verified one verified by the admin; patients) and signed in with SIWE.
 *
 *   const callers = await signInCallers(app, chain, { verifiedDoctor: 140, pendingDoctor: 141, … });
 *   describeAuthorizationMatrix('Doctors API', () => callers, [
 *     { method: 'get', path: '/api/doctors/{pendingDoctor}', expected: { ...everyone(404), admin: 200, pendingDoctor: 200, anonymous: 401 } },
 *   ]);
 */
import type { Express } from 'express';
import request from 'supertest';
import type { Agent } from 'supertest';
import { licenceCommitment, TEST_LICENCE_SALT } from '@test-support/licences';
import { signIn } from './siwe-client';
import { devWallet, fundedWallet, GAS, type TestChain } from './test-app';

export const CALLERS = [
  'admin',
  'verifiedDoctor',
  'pendingDoctor',
  'patient',
  'otherPatient',
  'unregistered',
  'anonymous',
] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedInCaller = Exclude<Caller, 'anonymous'>;

/** Dev account indices beyond Ganache's funded ten, used by one test file only; the admin is account 0. */
export type MatrixAccounts = Record<Exclude<SignedInCaller, 'admin'>, number>;

export interface MatrixCallers {
  address: Record<SignedInCaller, string>;
  /** A supertest agent per caller holding its session cookie (anonymous: none). */
  agent: Record<Caller, Agent>;
}

/** The licence each matrix doctor registered (salt: TEST_LICENCE_SALT), so rows can store or check it. */
export const matrixLicence = (accountIndex: number) => ({
  licenceNumber: `MATRIX-${accountIndex}`,
  salt: TEST_LICENCE_SALT,
});

/** Funds, registers on chain and signs in the six signed-in callers. The doctors' registrations are on chain only: sync the indexer for the read model. */
export async function signInCallers(app: Express, chain: TestChain, accounts: MatrixAccounts): Promise<MatrixCallers> {
  const wallets = {
    admin: devWallet(0, chain.provider),
    ...Object.fromEntries(
      await Promise.all(
        Object.entries(accounts).map(async ([caller, index]) => [caller, await fundedWallet(index, chain.provider)]),
      ),
    ),
  } as Record<SignedInCaller, Awaited<ReturnType<typeof fundedWallet>>>;

  for (const doctor of ['verifiedDoctor', 'pendingDoctor'] as const) {
    const hash = licenceCommitment(matrixLicence(accounts[doctor]).licenceNumber);
    await (await chain.registryFor(wallets[doctor]).registerDoctor(hash, 1, GAS)).wait();
  }
  await (await chain.registryAs(0).verifyDoctor(wallets.verifiedDoctor.address, GAS)).wait();
  for (const patient of ['patient', 'otherPatient'] as const) {
    await (await chain.registryFor(wallets[patient]).registerPatient(GAS)).wait();
  }

  const agent = { anonymous: request.agent(app) } as Record<Caller, Agent>;
  const address = {} as Record<SignedInCaller, string>;
  for (const [caller, wallet] of Object.entries(wallets) as [SignedInCaller, (typeof wallets)[SignedInCaller]][]) {
    agent[caller] = request.agent(app);
    await signIn(agent[caller], wallet);
    address[caller] = wallet.address;
  }
  return { address, agent };
}

/** The same status for every caller; spread it and name the exceptions. */
export const everyone = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Record<Caller, number>;

export interface MatrixRow {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** `{caller}` stands for that caller's address, e.g. `/api/consent/{patient}/{verifiedDoctor}`. */
  path: string;
  query?: Record<string, string | number>;
  body?: object;
  expected: Record<Caller, number>;
}

const withAddresses = (path: string, address: Record<SignedInCaller, string>) =>
  path.replace(/\{(\w+)\}/g, (placeholder, caller: string) => {
    const found = address[caller as SignedInCaller];
    if (!found) throw new Error(`Unknown caller ${placeholder} in a matrix path`);
    return found;
  });

/**
 * One test per row and caller, in order: rows that change state (a logout) go after the rows that rely on it.
 * A denied cell must answer the API's error body, so a 403 from anything else fails too.
 */
export function describeAuthorizationMatrix(
  title: string,
  callers: () => MatrixCallers,
  rows: readonly MatrixRow[],
): void {
  describe(`${title}: authorization matrix`, () => {
    for (const row of rows) {
      test.each(CALLERS.map((caller) => [caller, row.expected[caller]] as const))(
        `${row.method.toUpperCase()} ${row.path} as %s → %i`,
        async (caller, status) => {
          const { agent, address } = callers();
          let call = agent[caller][row.method](withAddresses(row.path, address));
          if (row.query) call = call.query(row.query);
          if (row.body) call = call.send(row.body);
          const response = await call;
          const answered = { status: response.status, error: (response.body as { error?: unknown }).error };
          expect(answered).toEqual({
            status,
            error: status >= 400 ? { code: expect.any(String), message: expect.any(String) } : undefined,
          });
        },
      );
    }
  });
}
