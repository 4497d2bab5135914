/**
 * A deployed system with one account in every role the access rules distinguish, so tests read
 * as "when the pending doctor calls…". Each test file builds its own world on its worker's chain.
 */
import { id, type JsonRpcProvider } from 'ethers';
import { connect, mined, revertTo, snapshot, testSigners, type TestSigner } from './chain';
import { deploySystem, type System } from './deploy';

export const SPECIALITY_CARDIOLOGY = 3;
export const REVOCATION_REASON_LICENCE_EXPIRED = 2;

export interface Cast {
  admin: TestSigner;
  doctor: TestSigner;
  otherDoctor: TestSigner;
  pendingDoctor: TestSigner;
  revokedDoctor: TestSigner;
  patient: TestSigner;
  otherPatient: TestSigner;
  stranger: TestSigner;
  /** Unregistered accounts for tests that register someone new. */
  spare: TestSigner[];
}

export interface World extends System {
  provider: JsonRpcProvider;
  cast: Cast;
}

export const licenceHash = (licence: string) => id(licence);

export async function buildWorld(): Promise<World> {
  const provider = connect();
  const [admin, doctor, otherDoctor, pendingDoctor, revokedDoctor, patient, otherPatient, stranger, ...spare] =
    await testSigners(provider);
  const contracts = await deploySystem(admin);
  const { registry } = contracts;
  for (const [i, d] of [doctor, otherDoctor, pendingDoctor, revokedDoctor].entries()) {
    await mined(registry.connect(d).registerDoctor(licenceHash(`LIC-${i}`), SPECIALITY_CARDIOLOGY));
  }
  await mined(registry.verifyDoctor(doctor.address));
  await mined(registry.verifyDoctor(otherDoctor.address));
  await mined(registry.revokeDoctor(revokedDoctor.address, REVOCATION_REASON_LICENCE_EXPIRED));
  await mined(registry.connect(patient).registerPatient());
  await mined(registry.connect(otherPatient).registerPatient());
  return {
    ...contracts,
    provider,
    cast: { admin, doctor, otherDoctor, pendingDoctor, revokedDoctor, patient, otherPatient, stranger, spare },
  };
}

/**
 * Builds the world once for the file and rolls the chain back to it after every test.
 * Returns a getter because the world only exists once beforeAll has run.
 */
export function useWorld(): () => World {
  let world: World | undefined;
  let baseline = '';
  beforeAll(async () => {
    world = await buildWorld();
  });
  beforeEach(async () => {
    baseline = await snapshot(world!.provider);
  });
  afterEach(async () => {
    await revertTo(world!.provider, baseline);
  });
  afterAll(() => world?.provider.destroy());
  return () => world!;
}
