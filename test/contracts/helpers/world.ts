/**
 * A deployed system with one account in every role the access rules distinguish, so tests read
 * as "when the pending doctor calls…". Each test file builds its own world on its worker's chain.
 */
import type { JsonRpcProvider } from 'ethers';
import { REVOCATION_REASON, SPECIALITY } from '@test-support/codes';
import { deploySystem, type System } from '@test-support/deploy';
import { DEV_AUDIT_ANCHORER_INDEX } from '@test-support/dev-chain';
import { licenceHash } from '@test-support/licences';
import { connect, mined, revertTo, snapshot, testSigners, type TestSigner } from './chain';

/** The world's doctors all register with this speciality. */
export const WORLD_SPECIALITY = SPECIALITY.dermatology;
/** The reason the world's revoked doctor was revoked for. */
export const WORLD_REVOCATION_REASON = REVOCATION_REASON.licenceSuspended;

export interface Cast {
  admin: TestSigner;
  doctor: TestSigner;
  otherDoctor: TestSigner;
  pendingDoctor: TestSigner;
  revokedDoctor: TestSigner;
  patient: TestSigner;
  otherPatient: TestSigner;
  stranger: TestSigner;
  /** The audit anchorer the deployment names (Anchoring.auditAnchorer), registered as nothing else. */
  auditAnchorer: TestSigner;
  /** Unregistered accounts for tests that register someone new. */
  spare: TestSigner[];
}

export interface World extends System {
  provider: JsonRpcProvider;
  cast: Cast;
}

export async function buildWorld(): Promise<World> {
  const provider = connect();
  const signers = await testSigners(provider);
  const [auditAnchorer] = signers.splice(DEV_AUDIT_ANCHORER_INDEX, 1);
  const [admin, doctor, otherDoctor, pendingDoctor, revokedDoctor, patient, otherPatient, stranger, ...spare] = signers;
  const contracts = await deploySystem(admin, { $auditAnchorer: auditAnchorer.address });
  const { registry } = contracts;
  for (const [i, d] of [doctor, otherDoctor, pendingDoctor, revokedDoctor].entries()) {
    await mined(registry.connect(d).registerDoctor(licenceHash(`LIC-${i}`), WORLD_SPECIALITY));
  }
  await mined(registry.verifyDoctor(doctor.address));
  await mined(registry.verifyDoctor(otherDoctor.address));
  await mined(registry.revokeDoctor(revokedDoctor.address, WORLD_REVOCATION_REASON));
  await mined(registry.connect(patient).registerPatient());
  await mined(registry.connect(otherPatient).registerPatient());
  return {
    ...contracts,
    provider,
    cast: {
      admin,
      doctor,
      otherDoctor,
      pendingDoctor,
      revokedDoctor,
      patient,
      otherPatient,
      stranger,
      auditAnchorer,
      spare,
    },
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
