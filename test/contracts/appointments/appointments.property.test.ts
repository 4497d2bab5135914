/**
 * Random sequences of appointment and consent actions by random actors (including an admin trying to
 * call Consent's hooks or grant roles), checked step by step against AppointmentModel: same success or
 * revert, same statuses, same escrow and withdrawable balances, the contract's ETH balance always equals
 * what is owed plus what is in escrow, and every doctor's access to every patient ends exactly when the
 * union of open appointment windows (since the last revoke), completed windows and explicit grants does.
 */
import fc from 'fast-check';
import { Interface, ZeroAddress, ZeroHash, id as roleId } from 'ethers';
import { DAY, HOUR, UNTIL_REVOKED } from '@test-support/constants';
import { increaseTime, latestTimestamp, type TestSigner } from '../helpers/chain';
import { Checkpoint } from '../helpers/checkpoint';
import { FEE } from '../helpers/scenarios';
import { buildWorld, type World } from '../helpers/world';
import { AppointmentModel, STATUS_CODES, type Action } from './appointment-model';

// Slot offsets and time steps never line up (4834 and 87177 are not multiples of 1800), so the
// seconds the wall clock adds between steps cannot flip a "before the slot" decision.
const SLOT_OFFSETS = [-600, HOUR + 1234, DAY + 777];
const TIME_STEPS = [1800, 2 * 1800, 30 * 1800];
// Consent used to expose OpenZeppelin's grantRole; the raw call checks that no such door is left.
const GRANT_ROLE = new Interface(['function grantRole(bytes32 role, address account)']);
const OTHER_ROLE = roleId('APPOINTMENTS_ROLE');

/** The findings of the security review, as fixed sequences that always run before the random ones. */
const FINDINGS: Action[][] = [
  // 5: cancelling the later of two open bookings shrinks access to the earlier one.
  [
    { kind: 'request', actor: 0, doctor: 2, slotOffset: HOUR + 1234, overpay: 0n },
    { kind: 'request', actor: 0, doctor: 2, slotOffset: DAY + 777, overpay: 0n },
    { kind: 'accept', actor: 2, id: 1 },
    { kind: 'accept', actor: 2, id: 2 },
    { kind: 'cancel', actor: 0, id: 2 },
  ],
  // 4: a request filed before a revoke cannot be accepted; the patient can still cancel it.
  [
    { kind: 'setFee', actor: 2, fee: FEE },
    { kind: 'request', actor: 0, doctor: 2, slotOffset: DAY + 777, overpay: 0n },
    { kind: 'grant', actor: 0, doctor: 2, expiresIn: 'untilRevoked' },
    { kind: 'revoke', actor: 0, doctor: 2 },
    { kind: 'accept', actor: 2, id: 1 },
    { kind: 'cancel', actor: 0, id: 1 },
  ],
  // 2 and 3: an admin grants itself the hook role / the zero address adminship, then pokes the hooks.
  [
    { kind: 'request', actor: 0, doctor: 2, slotOffset: DAY + 777, overpay: 0n },
    { kind: 'accept', actor: 2, id: 1 },
    { kind: 'adminGrantRole', on: 'consent', adminRole: false, account: 'stranger' },
    { kind: 'adminGrantRole', on: 'registry', adminRole: true, account: 'zero' },
    { kind: 'adminGrantRole', on: 'registry', adminRole: false, account: 'stranger' },
    { kind: 'adminHook', hook: 'closed', id: 1 },
    { kind: 'adminHook', hook: 'accepted', id: 2 },
    { kind: 'cancel', actor: 2, id: 1 },
  ],
];

describe('Appointments state machine (property)', () => {
  let world: World;
  let actors: TestSigner[];
  let start: Checkpoint;
  const PATIENTS = [0, 1];
  const DOCTORS = [2, 3];
  const ADMIN = 5;

  beforeAll(async () => {
    world = await buildWorld();
    const { cast } = world;
    actors = [cast.patient, cast.otherPatient, cast.doctor, cast.otherDoctor, cast.stranger, cast.admin];
    start = await Checkpoint.save(world.provider);
  });
  afterAll(() => world.provider.destroy());

  const actor = fc.nat(ADMIN);
  const id = fc.nat(5);
  const doctor = fc.constantFrom(...DOCTORS, 0);
  const transition = fc.constantFrom(
    'accept' as const,
    'reject' as const,
    'cancel' as const,
    'complete' as const,
    'markNoShow' as const,
  );
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ kind: fc.constant('setFee' as const), actor, fee: fc.constantFrom(0n, FEE, 2n * FEE) }),
    fc.record({
      kind: fc.constant('request' as const),
      actor,
      doctor,
      slotOffset: fc.constantFrom(...SLOT_OFFSETS),
      overpay: fc.constantFrom(0n, 0n, 0n, 1n, -1n),
    }),
    { arbitrary: fc.record({ kind: transition, actor, id }), weight: 3 },
    fc.record({ kind: fc.constant('withdraw' as const), actor }),
    fc.record({ kind: fc.constant('advance' as const), seconds: fc.constantFrom(...TIME_STEPS) }),
    fc.record({
      kind: fc.constant('grant' as const),
      actor,
      doctor,
      expiresIn: fc.constantFrom(...SLOT_OFFSETS, 'untilRevoked' as const),
    }),
    fc.record({ kind: fc.constant('revoke' as const), actor, doctor }),
    fc.record({
      kind: fc.constant('adminHook' as const),
      hook: fc.constantFrom('accepted' as const, 'closed' as const),
      id,
    }),
    fc.record({
      kind: fc.constant('adminGrantRole' as const),
      on: fc.constantFrom('registry' as const, 'consent' as const),
      adminRole: fc.boolean(),
      account: fc.constantFrom('zero' as const, 'stranger' as const),
    }),
  );

  async function perform(a: Action, now: number): Promise<boolean> {
    const { appointments, consent, registry } = world;
    if (a.kind === 'advance') {
      await increaseTime(world.provider, a.seconds);
      return true;
    }
    const as = appointments.connect(actors['actor' in a ? a.actor : ADMIN]);
    let tx;
    switch (a.kind) {
      case 'setFee':
        tx = as.setFee(a.fee);
        break;
      case 'request': {
        const fee = await appointments.doctorFee(actors[a.doctor].address);
        const value = fee + a.overpay < 0n ? 1n : fee + a.overpay;
        tx = as.requestAppointment(actors[a.doctor].address, now + a.slotOffset, '', { value });
        break;
      }
      case 'withdraw':
        tx = as.withdraw();
        break;
      case 'grant':
        tx = consent
          .connect(actors[a.actor])
          .grantAccess(actors[a.doctor].address, a.expiresIn === 'untilRevoked' ? UNTIL_REVOKED : now + a.expiresIn);
        break;
      case 'revoke':
        tx = consent.connect(actors[a.actor]).revokeAccess(actors[a.doctor].address);
        break;
      case 'adminHook': {
        const asAdmin = consent.connect(actors[ADMIN]);
        const [patient, doctor] = [actors[PATIENTS[0]].address, actors[DOCTORS[0]].address];
        tx =
          a.hook === 'accepted'
            ? asAdmin.onAppointmentAccepted(a.id, patient, doctor, now + DAY)
            : asAdmin.onAppointmentClosed(a.id, patient, doctor, false);
        break;
      }
      case 'adminGrantRole': {
        const role = a.adminRole ? ZeroHash : OTHER_ROLE;
        const account = a.account === 'zero' ? ZeroAddress : actors[4].address;
        if (a.on === 'registry') {
          tx = registry.connect(actors[ADMIN]).grantRole(role, account);
        } else {
          // The attack of finding 2: the admin makes itself the hook caller.
          const data = GRANT_ROLE.encodeFunctionData('grantRole', [role, actors[ADMIN].address]);
          tx = actors[ADMIN].sendTransaction({ to: await consent.getAddress(), data });
        }
        break;
      }
      default:
        tx = as[a.kind](a.id);
    }
    try {
      return (await (await tx).wait())?.status === 1;
    } catch {
      return false;
    }
  }

  async function expectChainMatches(model: AppointmentModel): Promise<void> {
    const { appointments, provider } = world;
    const [count, byFirstDoctor, bySecondDoctor, escrowed, balance, ...pending] = await Promise.all([
      appointments.appointmentCount(),
      appointments.doctorAppointmentsPage(actors[2].address, 0, 100),
      appointments.doctorAppointmentsPage(actors[3].address, 0, 100),
      appointments.escrowed(),
      appointments.getAddress().then((address) => provider.getBalance(address)),
      ...actors.map((signer) => appointments.pendingWithdrawal(signer.address)),
    ]);
    expect(count).toBe(BigInt(model.appointments.length));
    const onChain = [...byFirstDoctor, ...bySecondDoctor].sort((x, y) => Number(x.id - y.id));
    expect(onChain.map((a) => a.status)).toEqual(model.appointments.map((a) => STATUS_CODES[a.status]));
    expect(onChain.map((a) => a.fee)).toEqual(model.appointments.map((a) => a.fee));
    expect(escrowed).toBe(model.escrowed);
    expect(pending).toEqual(actors.map((_, i) => model.withdrawable.get(i) ?? 0n));
    const owed = pending.reduce((sum, p) => sum + p, 0n);
    expect(balance).toBe(owed + escrowed);
    const pairs = PATIENTS.flatMap((patient) => DOCTORS.map((doctor) => [patient, doctor] as const));
    const access = await Promise.all(
      pairs.map(([p, d]) => world.consent.getAccess(actors[p].address, actors[d].address)),
    );
    const expiries = await Promise.all(
      pairs.map(([p, d]) => world.consent.accessExpiry(actors[p].address, actors[d].address)),
    );
    expect(expiries).toEqual(pairs.map(([p, d]) => model.accessExpiry(p, d)));
    expect(access.map((a) => a.openBookings)).toEqual(pairs.map(([p, d]) => BigInt(model.openBookings(p, d))));
    expect(await world.registry.adminCount()).toBe(BigInt(model.admins.size));
  }

  it('When random actors take random actions, then chain and model agree after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 10 }), async (actions) => {
        await start.restore();
        const model = new AppointmentModel(PATIENTS, DOCTORS);
        for (const a of actions) {
          const now = await latestTimestamp(world.provider);
          const expected = model.apply(a, now);
          expect({ action: a, succeeded: await perform(a, now) }).toEqual({ action: a, succeeded: expected });
          await expectChainMatches(model);
        }
      }),
      { numRuns: 20, endOnFailure: true, examples: FINDINGS.map((actions) => [actions]) },
    );
  });
});
