/**
 * Random sequences of appointment and consent actions by random actors (including an admin trying to
 * call Consent's hooks or grant roles, settle disputes or change the settlement periods) and jumps in
 * time, checked step by step against AppointmentModel: same success or revert (an overlapping request or
 * reschedule reverts with AppointmentsSlotTaken), same statuses, slots and settled fees, same escrow and
 * withdrawable balances, the contract's ETH balance always equals what is owed plus what is in escrow,
 * escrow equals the fees not settled yet, no two active appointments of one doctor overlap, and every
 * doctor's access to every patient ends exactly when the union of open appointment windows (since the
 * last revoke), completed windows and explicit grants does.
 */
import fc from 'fast-check';
import {
  Interface,
  ZeroAddress,
  ZeroHash,
  id as roleId,
  type ContractTransactionResponse,
  type TransactionResponse,
} from 'ethers';
import { DAY, HOUR, SLOT_LENGTH, UNTIL_REVOKED } from '@test-support/constants';
import { increaseTime, latestTimestamp, mined, type TestSigner } from '../helpers/chain';
import { Checkpoint } from '../helpers/checkpoint';
import { revertedWith } from '../helpers/reverts';
import { FEE } from '../helpers/scenarios';
import { buildWorld, type World } from '../helpers/world';
import { AppointmentModel, STATUS_CODES, type Action } from './appointment-model';
import { FINDINGS, INITIAL_TERMS, RESCHEDULE_OFFSETS, SLOT_OFFSETS, TIME_STEPS } from './appointment-sequences';

// Consent used to expose OpenZeppelin's grantRole; the raw call checks that no such door is left.
const GRANT_ROLE = new Interface(['function grantRole(bytes32 role, address account)']);
const OTHER_ROLE = roleId('APPOINTMENTS_ROLE');

describe('Appointments state machine (property)', () => {
  let world: World;
  let actors: TestSigner[];
  let start: Checkpoint;
  let appointmentsAddress: string;
  const PATIENTS = [0, 1];
  const DOCTORS = [2, 3];
  const ADMIN = 5;

  beforeAll(async () => {
    world = await buildWorld();
    const { cast } = world;
    actors = [cast.patient, cast.otherPatient, cast.doctor, cast.otherDoctor, cast.stranger, cast.admin];
    for (const [doctor, terms] of INITIAL_TERMS) {
      await mined(world.appointments.connect(actors[doctor]).setTerms(terms.fee, terms.slotLength));
    }
    appointmentsAddress = await world.appointments.getAddress();
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
    'reclaimFee' as const,
    'disputeNoShow' as const,
    'claimNoShowFee' as const,
  );
  const period = fc.constantFrom(DAY, 2 * DAY, 7 * DAY, 0, 31 * DAY);
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({
      kind: fc.constant('setTerms' as const),
      actor,
      fee: fc.constantFrom(0n, FEE, 2n * FEE),
      slotLength: fc.constantFrom(SLOT_LENGTH, 2 * HOUR, 60),
    }),
    fc.record({ kind: fc.constant('setSettlementPeriods' as const), actor, grace: period, dispute: period }),
    fc.record({
      kind: fc.constant('reschedule' as const),
      actor,
      id,
      slotOffset: fc.constantFrom(...RESCHEDULE_OFFSETS),
    }),
    fc.record({ kind: fc.constant('settleDispute' as const), actor, id, refundPatient: fc.boolean() }),
    fc.record({
      kind: fc.constant('request' as const),
      actor,
      doctor,
      slotOffset: fc.constantFrom(...SLOT_OFFSETS),
      overpay: fc.constantFrom(0n, 0n, 0n, 1n, -1n),
    }),
    { arbitrary: fc.record({ kind: transition, actor, id }), weight: 4 },
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

  /** Sends the transaction of action `a` (not 'advance'). */
  async function send(a: Exclude<Action, { kind: 'advance' }>, now: number): Promise<TransactionResponse> {
    const { appointments, consent, registry } = world;
    const as = appointments.connect(actors['actor' in a ? a.actor : ADMIN]);
    let tx;
    switch (a.kind) {
      case 'setTerms':
        tx = as.setTerms(a.fee, a.slotLength);
        break;
      case 'setSettlementPeriods':
        tx = as.setSettlementPeriods(a.grace, a.dispute);
        break;
      case 'reschedule':
        tx = as.reschedule(a.id, now + a.slotOffset);
        break;
      case 'settleDispute':
        tx = as.settleDispute(a.id, a.refundPatient);
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
    return tx;
  }

  /** Performs action `a`; whether it succeeded, or the custom error it reverted with when `refusal` is given. */
  async function perform(a: Action, now: number, refusal: string | undefined): Promise<boolean | string> {
    if (a.kind === 'advance') {
      await increaseTime(world.provider, a.seconds);
      return true;
    }
    if (refusal) {
      // Only Appointments transactions have a refusal the model names.
      const tx = send(a, now) as Promise<ContractTransactionResponse>;
      return (await revertedWith(world.appointments, tx)).name;
    }
    try {
      return (await (await send(a, now)).wait())?.status === 1;
    } catch {
      return false;
    }
  }

  async function expectChainMatches(model: AppointmentModel): Promise<void> {
    const { appointments, consent, provider } = world;
    const pairs = PATIENTS.flatMap((patient) => DOCTORS.map((doctor) => [patient, doctor] as const));
    // One round of parallel reads per step keeps the property test fast.
    const [count, byFirstDoctor, bySecondDoctor, escrowed, balance, periods, adminCount, access, expiries, pending] =
      await Promise.all([
        appointments.appointmentCount(),
        appointments.doctorAppointmentsPage(actors[2].address, 0, 100),
        appointments.doctorAppointmentsPage(actors[3].address, 0, 100),
        appointments.escrowed(),
        provider.getBalance(appointmentsAddress),
        Promise.all([appointments.closingGracePeriod(), appointments.disputePeriod()]),
        world.registry.adminCount(),
        Promise.all(pairs.map(([p, d]) => consent.getAccess(actors[p].address, actors[d].address))),
        Promise.all(pairs.map(([p, d]) => consent.accessExpiry(actors[p].address, actors[d].address))),
        Promise.all(actors.map((signer) => appointments.pendingWithdrawal(signer.address))),
      ]);
    expect(count).toBe(BigInt(model.appointments.length));
    const onChain = [...byFirstDoctor, ...bySecondDoctor].sort((x, y) => Number(x.id - y.id));
    expect(onChain.map((a) => [a.status, a.slot, a.duration, a.fee, a.feeSettled])).toEqual(
      model.appointments.map((a) => [STATUS_CODES[a.status], BigInt(a.slot), BigInt(a.duration), a.fee, a.feeSettled]),
    );
    expect(escrowed).toBe(model.escrowed);
    expect(escrowed).toBe(onChain.filter((a) => !a.feeSettled).reduce((sum, a) => sum + a.fee, 0n));
    for (const doctorsAppointments of [byFirstDoctor, bySecondDoctor]) {
      const active = [...doctorsAppointments]
        .filter((a) => a.status === STATUS_CODES.Requested || a.status === STATUS_CODES.Accepted)
        .sort((x, y) => Number(x.slot - y.slot));
      active.slice(1).forEach((a, i) => expect(a.slot).toBeGreaterThanOrEqual(active[i].slot + active[i].duration));
    }
    expect(periods).toEqual([BigInt(model.closingGracePeriod), BigInt(model.disputePeriod)]);
    expect(pending).toEqual(actors.map((_, i) => model.withdrawable.get(i) ?? 0n));
    const owed = pending.reduce((sum, p) => sum + p, 0n);
    expect(balance).toBe(owed + escrowed);
    expect(expiries).toEqual(pairs.map(([p, d]) => model.accessExpiry(p, d)));
    expect(access.map((a) => a.openBookings)).toEqual(pairs.map(([p, d]) => BigInt(model.openBookings(p, d))));
    expect(adminCount).toBe(BigInt(model.admins.size));
  }

  it('When random actors take random actions, then chain and model agree after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        await start.restore();
        const model = new AppointmentModel(PATIENTS, DOCTORS, new Map(INITIAL_TERMS.map(([d, t]) => [d, { ...t }])));
        for (const a of actions) {
          const now = await latestTimestamp(world.provider);
          const expected = model.apply(a, now);
          const outcome = await perform(a, now, model.refusal);
          expect({ action: a, outcome }).toEqual({ action: a, outcome: model.refusal ?? expected });
          await expectChainMatches(model);
        }
      }),
      { numRuns: 20, endOnFailure: true, examples: FINDINGS.map((actions) => [actions]) },
    );
    // About 40 s on a quiet machine: seven scripted sequences and twenty random ones, each step checked.
  }, 120_000);
});
