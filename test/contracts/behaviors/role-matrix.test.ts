/**
 * Every state-changing function, called by every kind of account: admin, verified doctor, pending
 * doctor, revoked doctor, patient and stranger. Each cell is either allowed (the transaction succeeds)
 * or denied with an exact custom error. Each function's starting state is prepared once and restored
 * before every caller.
 */
import { ZeroAddress, ZeroHash, id, type BaseContract, type ContractTransactionResponse } from 'ethers';
import { DAY, HOUR, SLOT_LENGTH, UNTIL_REVOKED } from '@test-support/constants';
import { licenceHash } from '@test-support/licences';
import { increaseTime, mined, type TestSigner } from '../helpers/chain';
import { Checkpoint } from '../helpers/checkpoint';
import { expectRevert } from '../helpers/reverts';
import { book, bookAccepted, CID, CONTENT_HASH, FEE, slotIn } from '../helpers/scenarios';
import { buildWorld, type Cast, type World } from '../helpers/world';

const ROLES = ['admin', 'doctor', 'pendingDoctor', 'revokedDoctor', 'patient', 'stranger'] as const;
type Role = (typeof ROLES)[number];

/** `'ok'`, or the error name and its arguments for this caller. */
type Outcome = 'ok' | ((caller: TestSigner) => [string, unknown[]]);

interface Row {
  fn: string;
  contract: (w: World) => BaseContract;
  /** State every caller starts from; returns values the call needs. */
  prepare?: (w: World) => Promise<bigint | void>;
  call: (w: World, caller: TestSigner, prepared: bigint | void) => Promise<ContractTransactionResponse>;
  outcomes: Record<Role, Outcome>;
}

const deny =
  (error: string, args: (caller: TestSigner) => unknown[] = (c) => [c.address]): Outcome =>
  (c) => [error, args(c)];
const only = (allowed: Role[], denial: Outcome): Record<Role, Outcome> =>
  Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r) ? 'ok' : denial])) as Record<Role, Outcome>;
const spare = (w: World) => w.cast.spare[0];
const ADMIN_ROLE = ZeroHash;
const OTHER_ROLE = id('APPOINTMENTS_ROLE');
/** The appointment the Appointments rows prepare is the first one. */
const asNotTheParty = deny('AppointmentsUnauthorized', (c) => [1n, c.address]);
/** Default closing grace and dispute periods (7 days each). */
const SETTLEMENT_PERIOD = 7 * DAY;
/** An accepted appointment whose doctor marked a no-show just after the slot; its fee is held. */
async function noShow(w: World): Promise<bigint> {
  const { id } = await bookAccepted(w);
  await increaseTime(w.provider, DAY + 1);
  await mined(w.appointments.connect(w.cast.doctor).markNoShow(id));
  return id;
}
// Known once the world is built (beforeAll); denial arguments read them lazily.
let boundAppointments = '';
let matrixCast: Cast;

const rows: Row[] = [
  // Registry
  {
    fn: 'Registry.registerDoctor',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).registerDoctor(licenceHash('MATRIX'), 1),
    outcomes: { ...only(['admin', 'stranger'], deny('RegistryAlreadyRegistered')) },
  },
  {
    fn: 'Registry.registerDoctorFor',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).registerDoctorFor(spare(w).address, licenceHash('MATRIX'), 1),
    outcomes: only(['admin'], deny('RegistryUnauthorizedAdmin')),
  },
  {
    fn: 'Registry.verifyDoctor',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).verifyDoctor(w.cast.pendingDoctor.address),
    outcomes: only(['admin'], deny('RegistryUnauthorizedAdmin')),
  },
  {
    fn: 'Registry.revokeDoctor',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).revokeDoctor(w.cast.doctor.address, 1),
    outcomes: only(['admin'], deny('RegistryUnauthorizedAdmin')),
  },
  {
    fn: 'Registry.registerPatient',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).registerPatient(),
    outcomes: only(['admin', 'stranger'], deny('RegistryAlreadyRegistered')),
  },
  {
    fn: 'Registry.addAdmin',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).addAdmin(spare(w).address),
    outcomes: only(['admin'], deny('RegistryUnauthorizedAdmin')),
  },
  {
    fn: 'Registry.removeAdmin',
    contract: (w) => w.registry,
    prepare: async (w) => void (await mined(w.registry.addAdmin(spare(w).address))),
    call: (w, c) => w.registry.connect(c).removeAdmin(spare(w).address),
    outcomes: only(['admin'], deny('RegistryUnauthorizedAdmin')),
  },
  // Registry: the inherited AccessControl entry points follow addAdmin/removeAdmin and know one role.
  {
    fn: 'Registry.grantRole(admin)',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).grantRole(ADMIN_ROLE, spare(w).address),
    outcomes: only(['admin'], deny('RegistryUnauthorizedAdmin')),
  },
  {
    fn: 'Registry.grantRole(admin, zero address)',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).grantRole(ADMIN_ROLE, ZeroAddress),
    outcomes: { ...only([], deny('RegistryUnauthorizedAdmin')), admin: deny('RegistryZeroAddress', () => []) },
  },
  {
    fn: 'Registry.grantRole(other role)',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).grantRole(OTHER_ROLE, c.address),
    outcomes: {
      ...only([], deny('RegistryUnauthorizedAdmin')),
      admin: deny('RegistryUnsupportedRole', () => [OTHER_ROLE]),
    },
  },
  {
    fn: 'Registry.revokeRole(admin)',
    contract: (w) => w.registry,
    prepare: async (w) => void (await mined(w.registry.addAdmin(spare(w).address))),
    call: (w, c) => w.registry.connect(c).revokeRole(ADMIN_ROLE, spare(w).address),
    outcomes: only(['admin'], deny('RegistryUnauthorizedAdmin')),
  },
  {
    fn: 'Registry.revokeRole(other role)',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).revokeRole(OTHER_ROLE, c.address),
    outcomes: {
      ...only([], deny('RegistryUnauthorizedAdmin')),
      admin: deny('RegistryUnsupportedRole', () => [OTHER_ROLE]),
    },
  },
  {
    fn: 'Registry.renounceRole(admin), two admins',
    contract: (w) => w.registry,
    prepare: async (w) => void (await mined(w.registry.addAdmin(spare(w).address))),
    call: (w, c) => w.registry.connect(c).renounceRole(ADMIN_ROLE, c.address),
    outcomes: only(['admin'], deny('RegistryAdminUnchanged')),
  },
  {
    fn: 'Registry.renounceRole(admin), last admin',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).renounceRole(ADMIN_ROLE, c.address),
    outcomes: { ...only([], deny('RegistryAdminUnchanged')), admin: deny('RegistryLastAdmin') },
  },
  {
    fn: 'Registry.renounceRole(other role)',
    contract: (w) => w.registry,
    call: (w, c) => w.registry.connect(c).renounceRole(OTHER_ROLE, c.address),
    outcomes: only(
      [],
      deny('RegistryUnsupportedRole', () => [OTHER_ROLE]),
    ),
  },
  // Consent
  {
    fn: 'Consent.bindAppointments (after wiring)',
    contract: (w) => w.consent,
    call: (w, c) => w.consent.connect(c).bindAppointments(c.address),
    // The admin deployed the system, so it passes the deployer check and meets the binding made already.
    outcomes: {
      ...only([], deny('ConsentUnauthorizedBinder')),
      admin: deny('ConsentAppointmentsAlreadyBound', () => [boundAppointments]),
    },
  },
  {
    fn: 'Consent.grantAccess',
    contract: (w) => w.consent,
    call: (w, c) => w.consent.connect(c).grantAccess(w.cast.doctor.address, UNTIL_REVOKED),
    outcomes: only(['patient'], deny('ConsentNotPatient')),
  },
  {
    fn: 'Consent.revokeAccess',
    contract: (w) => w.consent,
    prepare: async (w) =>
      void (await mined(w.consent.connect(w.cast.patient).grantAccess(w.cast.doctor.address, UNTIL_REVOKED))),
    call: (w, c) => w.consent.connect(c).revokeAccess(w.cast.doctor.address),
    outcomes: only(
      ['patient'],
      deny('ConsentNotGranted', (c) => [c.address, matrixCast.doctor.address]),
    ),
  },
  {
    fn: 'Consent.setAppointmentWindow',
    contract: (w) => w.consent,
    call: (w, c) => w.consent.connect(c).setAppointmentWindow(2 * DAY),
    outcomes: only(['admin'], deny('GovernedUnauthorizedAdmin')),
  },
  {
    fn: 'Consent.onAppointmentAccepted',
    contract: (w) => w.consent,
    call: (w, c) => w.consent.connect(c).onAppointmentAccepted(1, w.cast.patient.address, c.address, 2n ** 40n),
    outcomes: only([], deny('ConsentUnauthorizedHookCaller')),
  },
  {
    fn: 'Consent.onAppointmentClosed',
    contract: (w) => w.consent,
    prepare: async (w) => (await bookAccepted(w)).id,
    call: (w, c, id) =>
      w.consent.connect(c).onAppointmentClosed(id as bigint, w.cast.patient.address, w.cast.doctor.address, false),
    outcomes: only([], deny('ConsentUnauthorizedHookCaller')),
  },
  // Appointments
  {
    fn: 'Appointments.setTerms',
    contract: (w) => w.appointments,
    call: (w, c) => w.appointments.connect(c).setTerms(FEE, SLOT_LENGTH),
    outcomes: only(['doctor'], deny('AppointmentsNotVerifiedDoctor')),
  },
  {
    fn: 'Appointments.requestAppointment',
    contract: (w) => w.appointments,
    prepare: async (w) => {
      await mined(w.appointments.connect(w.cast.otherDoctor).setTerms(0, SLOT_LENGTH));
      return BigInt(await slotIn(w, DAY));
    },
    call: (w, c, slot) => w.appointments.connect(c).requestAppointment(w.cast.otherDoctor.address, slot as bigint, CID),
    outcomes: only(['patient'], deny('AppointmentsNotPatient')),
  },
  ...(['accept', 'reject'] as const).map((fn): Row => ({
    fn: `Appointments.${fn}`,
    contract: (w) => w.appointments,
    prepare: async (w) => (await book(w)).id,
    call: (w, c, id) => w.appointments.connect(c)[fn](id as bigint),
    outcomes: only(['doctor'], deny('AppointmentsNotVerifiedDoctor')),
  })),
  {
    fn: 'Appointments.cancel',
    contract: (w) => w.appointments,
    prepare: async (w) => (await bookAccepted(w)).id,
    call: (w, c, id) => w.appointments.connect(c).cancel(id as bigint),
    outcomes: only(
      ['doctor', 'patient'],
      deny('AppointmentsUnauthorized', (c) => [1n, c.address]),
    ),
  },
  ...(['complete', 'markNoShow'] as const).map((fn): Row => ({
    fn: `Appointments.${fn}`,
    contract: (w) => w.appointments,
    prepare: async (w) => {
      const { id } = await bookAccepted(w);
      await increaseTime(w.provider, DAY + 1);
      return id;
    },
    call: (w, c, id) => w.appointments.connect(c)[fn](id as bigint),
    outcomes: only(['doctor'], deny('AppointmentsNotVerifiedDoctor')),
  })),
  {
    fn: 'Appointments.reschedule',
    contract: (w) => w.appointments,
    prepare: async (w) => (await bookAccepted(w)).id,
    call: async (w, c, id) => w.appointments.connect(c).reschedule(id as bigint, await slotIn(w, 2 * DAY)),
    outcomes: only(['patient'], asNotTheParty),
  },
  {
    fn: 'Appointments.reclaimFee',
    contract: (w) => w.appointments,
    prepare: async (w) => {
      const { id } = await bookAccepted(w);
      await increaseTime(w.provider, DAY + SLOT_LENGTH + SETTLEMENT_PERIOD);
      return id;
    },
    call: (w, c, id) => w.appointments.connect(c).reclaimFee(id as bigint),
    outcomes: only(['patient'], asNotTheParty),
  },
  {
    fn: 'Appointments.disputeNoShow',
    contract: (w) => w.appointments,
    prepare: noShow,
    call: (w, c, id) => w.appointments.connect(c).disputeNoShow(id as bigint),
    outcomes: only(['patient'], asNotTheParty),
  },
  {
    fn: 'Appointments.claimNoShowFee',
    contract: (w) => w.appointments,
    prepare: async (w) => {
      const id = await noShow(w);
      await increaseTime(w.provider, SETTLEMENT_PERIOD);
      return id;
    },
    call: (w, c, id) => w.appointments.connect(c).claimNoShowFee(id as bigint),
    outcomes: only(['doctor'], asNotTheParty),
  },
  ...[true, false].map((refundPatient): Row => ({
    fn: `Appointments.settleDispute(refundPatient ${refundPatient})`,
    contract: (w) => w.appointments,
    prepare: async (w) => {
      const id = await noShow(w);
      await mined(w.appointments.connect(w.cast.patient).disputeNoShow(id));
      return id;
    },
    call: (w, c, id) => w.appointments.connect(c).settleDispute(id as bigint, refundPatient),
    outcomes: only(['admin'], deny('GovernedUnauthorizedAdmin')),
  })),
  {
    fn: 'Appointments.setSettlementPeriods',
    contract: (w) => w.appointments,
    call: (w, c) => w.appointments.connect(c).setSettlementPeriods(2 * DAY, 3 * DAY),
    outcomes: only(['admin'], deny('GovernedUnauthorizedAdmin')),
  },
  {
    fn: 'Appointments.withdraw',
    contract: (w) => w.appointments,
    prepare: async (w) => void (await mined(w.appointments.connect(w.cast.doctor).reject((await book(w)).id))),
    call: (w, c) => w.appointments.connect(c).withdraw(),
    outcomes: only(['patient'], deny('AppointmentsNothingToWithdraw')),
  },
  // Records
  {
    fn: 'Records.addRecord',
    contract: (w) => w.records,
    prepare: async (w) =>
      void (await mined(w.consent.connect(w.cast.patient).grantAccess(w.cast.doctor.address, UNTIL_REVOKED))),
    call: (w, c) => w.records.connect(c).addRecord(w.cast.patient.address, 0, CID, CONTENT_HASH),
    outcomes: only(['doctor', 'patient'], deny('RecordsNotVerifiedDoctor')),
  },
  {
    fn: 'Records.amendRecord',
    contract: (w) => w.records,
    prepare: async (w) =>
      void (await mined(w.records.connect(w.cast.patient).addRecord(w.cast.patient.address, 0, CID, CONTENT_HASH))),
    call: (w, c) => w.records.connect(c).amendRecord(1, CID, CONTENT_HASH),
    outcomes: only(
      ['patient'],
      deny('RecordsNotAuthor', () => [1n, matrixCast.patient.address]),
    ),
  },
  // Anchoring
  {
    fn: 'Anchoring.anchor',
    contract: (w) => w.anchoring,
    call: (w, c) => w.anchoring.connect(c).anchor(`0x${'42'.repeat(32)}`, 10, ''),
    outcomes: only(['admin'], deny('GovernedUnauthorizedAdmin')),
  },
  {
    fn: 'Anchoring.setAuditAnchorer',
    contract: (w) => w.anchoring,
    call: (w, c) => w.anchoring.connect(c).setAuditAnchorer(spare(w).address),
    outcomes: only(['admin'], deny('GovernedUnauthorizedAdmin')),
  },
  {
    // Admins included: only the audit anchorer the deployment named may (test/contracts/anchoring).
    fn: 'Anchoring.anchorAuditHead',
    contract: (w) => w.anchoring,
    call: (w, c) => w.anchoring.connect(c).anchorAuditHead(1, `0x${'a1'.repeat(32)}`),
    outcomes: only([], deny('AnchoringUnauthorizedAnchorer')),
  },
  // ResearchSharing
  {
    fn: 'ResearchSharing.optIn',
    contract: (w) => w.researchSharing,
    call: (w, c) => w.researchSharing.connect(c).optIn(1, 2n ** 40n),
    outcomes: only(['patient'], deny('ResearchNotPatient')),
  },
  {
    fn: 'ResearchSharing.optOut',
    contract: (w) => w.researchSharing,
    prepare: async (w) => void (await mined(w.researchSharing.connect(w.cast.patient).optIn(1, 2n ** 40n))),
    call: (w, c) => w.researchSharing.connect(c).optOut(),
    outcomes: only(['patient'], deny('ResearchNotOptedIn')),
  },
  {
    fn: 'ResearchSharing.anchorExport',
    contract: (w) => w.researchSharing,
    call: (w, c) => w.researchSharing.connect(c).anchorExport(id('matrix export'), 100, 5, 1000),
    outcomes: only(['admin'], deny('GovernedUnauthorizedAdmin')),
  },
  // EmergencyAccess
  {
    fn: 'EmergencyAccess.breakGlass',
    contract: (w) => w.emergencyAccess,
    call: (w, c) => w.emergencyAccess.connect(c).breakGlass(w.cast.patient.address, id('matrix justification')),
    outcomes: only(['doctor'], deny('EmergencyNotVerifiedDoctor')),
  },
  {
    fn: 'EmergencyAccess.endEmergencyAccess',
    contract: (w) => w.emergencyAccess,
    prepare: async (w) =>
      void (await mined(
        w.emergencyAccess.connect(w.cast.doctor).breakGlass(w.cast.patient.address, id('matrix justification')),
      )),
    call: (w, c) => w.emergencyAccess.connect(c).endEmergencyAccess(w.cast.patient.address, w.cast.doctor.address),
    outcomes: only(['admin', 'doctor', 'patient'], deny('EmergencyUnauthorizedCloser')),
  },
  {
    fn: 'EmergencyAccess.setWindow',
    contract: (w) => w.emergencyAccess,
    call: (w, c) => w.emergencyAccess.connect(c).setWindow(2 * HOUR),
    outcomes: only(['admin'], deny('GovernedUnauthorizedAdmin')),
  },
  {
    fn: 'EmergencyAccess.setEmergencySharing',
    contract: (w) => w.emergencyAccess,
    call: (w, c) => w.emergencyAccess.connect(c).setEmergencySharing(true),
    outcomes: only(['patient'], deny('EmergencyNotPatient')),
  },
  {
    fn: 'EmergencyAccess.setEmergencyKey',
    contract: (w) => w.emergencyAccess,
    call: (w, c) => w.emergencyAccess.connect(c).setEmergencyKey(`0x${'5e'.repeat(32)}`),
    outcomes: only(['admin'], deny('GovernedUnauthorizedAdmin')),
  },
  // Erasure
  {
    fn: 'Erasure.erase',
    contract: (w) => w.erasure,
    call: (w, c) => w.erasure.connect(c).erase(),
    outcomes: only(['patient'], deny('ErasureNotPatient')),
  },
  {
    fn: 'Erasure.eraseFor',
    contract: (w) => w.erasure,
    call: (w, c) => w.erasure.connect(c).eraseFor(w.cast.patient.address, id('matrix request')),
    outcomes: only(['admin'], deny('GovernedUnauthorizedAdmin')),
  },
];

describe('Role × function matrix', () => {
  let world: World;
  let base: Checkpoint;

  beforeAll(async () => {
    world = await buildWorld();
    matrixCast = world.cast;
    boundAppointments = await world.appointments.getAddress();
    base = await Checkpoint.save(world.provider);
  });
  afterAll(() => world.provider.destroy());

  describe.each(rows.map((row) => [row.fn, row] as const))('%s', (_fn, row) => {
    let prepared: Checkpoint;
    let value: bigint | void;

    beforeAll(async () => {
      await base.restore();
      value = await row.prepare?.(world);
      prepared = await Checkpoint.save(world.provider);
    });
    afterEach(() => prepared.restore());

    it.each(ROLES.map((role) => [role, row.outcomes[role] === 'ok' ? 'allowed' : 'denied'] as const))(
      'called by %s: %s',
      async (role) => {
        const caller = world.cast[role];
        const outcome = row.outcomes[role];
        const tx = row.call(world, caller, value);
        if (outcome === 'ok') {
          expect((await mined(tx)).status).toBe(1);
        } else {
          const [error, args] = outcome(caller);
          await expectRevert(row.contract(world), tx, error, args);
        }
      },
    );
  });
});
