/**
 * Random sequences of appointment actions by random actors, checked step by step against
 * AppointmentModel: same success or revert, same statuses, same escrow and withdrawable balances,
 * and the contract's ETH balance always equals what is owed plus what is in escrow.
 */
import fc from 'fast-check';
import { increaseTime, latestTimestamp, type TestSigner } from '../helpers/chain';
import { Checkpoint } from '../helpers/checkpoint';
import { FEE, HOUR, DAY } from '../helpers/scenarios';
import { buildWorld, type World } from '../helpers/world';
import { AppointmentModel, STATUS_CODES, type Action } from './appointment-model';

// Slot offsets and time steps never line up (4834 and 87177 are not multiples of 1800), so the
// seconds the wall clock adds between steps cannot flip a "before the slot" decision.
const SLOT_OFFSETS = [-600, HOUR + 1234, DAY + 777];
const TIME_STEPS = [1800, 2 * 1800, 30 * 1800];

describe('Appointments state machine (property)', () => {
  let world: World;
  let actors: TestSigner[];
  let start: Checkpoint;
  const PATIENTS = [0, 1];
  const DOCTORS = [2, 3];

  beforeAll(async () => {
    world = await buildWorld();
    const { cast } = world;
    actors = [cast.patient, cast.otherPatient, cast.doctor, cast.otherDoctor, cast.stranger];
    start = await Checkpoint.save(world.provider);
  });
  afterAll(() => world.provider.destroy());

  const actor = fc.nat(4);
  const id = fc.nat(5);
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ kind: fc.constant('setFee' as const), actor, fee: fc.constantFrom(0n, FEE, 2n * FEE) }),
    fc.record({
      kind: fc.constant('request' as const),
      actor,
      doctor: fc.constantFrom(...DOCTORS, 0),
      slotOffset: fc.constantFrom(...SLOT_OFFSETS),
      overpay: fc.constantFrom(0n, 0n, 0n, 1n, -1n),
    }),
    fc.record({ kind: fc.constantFrom('accept' as const, 'reject' as const, 'cancel' as const, 'complete' as const, 'markNoShow' as const), actor, id }),
    fc.record({ kind: fc.constant('withdraw' as const), actor }),
    fc.record({ kind: fc.constant('advance' as const), seconds: fc.constantFrom(...TIME_STEPS) }),
  );

  async function perform(a: Action, now: number): Promise<boolean> {
    const { appointments } = world;
    if (a.kind === 'advance') {
      await increaseTime(world.provider, a.seconds);
      return true;
    }
    const as = appointments.connect(actors[a.actor]);
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
    const owed = (pending as bigint[]).reduce((sum, p) => sum + p, 0n);
    expect(balance).toBe(owed + escrowed);
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
      { numRuns: 15, endOnFailure: true },
    );
  });
});
