import { ReentrantWithdrawer__factory } from '@contracts/types';
import { SLOT_LENGTH } from '@test-support/constants';
import { mined } from '../helpers/chain';
import { FEE, slotIn } from '../helpers/scenarios';
import { useWorld } from '../helpers/world';

describe('Withdrawals under re-entry', () => {
  const world = useWorld();

  it('When a patient contract re-enters withdraw() from its receive(), then the nested call fails and the refund is paid once', async () => {
    const { appointments, registry, cast, provider } = world();
    const attacker = await new ReentrantWithdrawer__factory(cast.stranger).deploy(await appointments.getAddress());
    await attacker.waitForDeployment();
    const attackerAddress = await attacker.getAddress();
    await mined(attacker.registerAsPatient(await registry.getAddress()));
    await mined(appointments.connect(cast.doctor).setTerms(FEE, SLOT_LENGTH));
    // An honest patient's fee sits in escrow too: it is what a re-entry would try to drain.
    await mined(
      appointments
        .connect(cast.patient)
        .requestAppointment(cast.doctor.address, await slotIn(world(), 86_400), '', { value: FEE }),
    );
    await mined(attacker.book(cast.doctor.address, await slotIn(world(), 2 * 86_400), { value: FEE }));
    await mined(attacker.cancel(2));
    expect(await appointments.pendingWithdrawal(attackerAddress)).toBe(FEE);

    await mined(attacker.attack());

    expect(await attacker.reentryAttempts()).toBe(1n);
    const nested = appointments.interface.parseError(await attacker.lastReentryError());
    expect(nested?.name).toBe('ReentrancyGuardReentrantCall');
    expect(await provider.getBalance(attackerAddress)).toBe(FEE);
    expect(await provider.getBalance(await appointments.getAddress())).toBe(FEE);
    expect([await appointments.escrowed(), await appointments.pendingWithdrawal(attackerAddress)]).toEqual([FEE, 0n]);
  });
});
