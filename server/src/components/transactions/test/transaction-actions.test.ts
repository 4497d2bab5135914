import { getAddress, parseEther } from 'ethers';
import { Appointments__factory } from '@contracts/types';
import { DAY } from '@test-support/constants';
import type { TransactionEvent } from '../data-access/transaction-store';
import { actionWords, describeEvent } from '../domain/transaction-actions';
import { paymentsOf } from '../domain/transaction-payments';

// The settlements that need days of chain time (complete, no-show claims, disputes) worded from their real
// event encodings, without moving the shared test chain's clock.
const appointments = Appointments__factory.createInterface();
const doctor = getAddress('0x00000000000000000000000000000000000000d0');
const patient = getAddress('0x00000000000000000000000000000000000000a1');
const admin = getAddress('0x00000000000000000000000000000000000000ad');
const FEE = parseEther('0.05');
const Status = { NoShow: 6, Disputed: 7, Expired: 8, Refunded: 9 } as const;

/** Encodes `name` as the contract would emit it and reads it back as the indexer does. */
function logged(logIndex: number, name: string, values: unknown[]): TransactionEvent {
  const { topics, data } = appointments.encodeEventLog(name, values);
  const parsed = appointments.parseLog({ topics, data })!;
  return describeEvent(parsed.name, parsed.args, logIndex)!;
}
const statusChanged = (logIndex: number, status: number, by: string) =>
  logged(logIndex, 'AppointmentStatusChanged', [7n, patient, doctor, status, by]);
const released = (logIndex: number, payee: string) => logged(logIndex, 'PaymentReleased', [7n, payee, FEE]);
const names = (account: string) => (account === doctor ? 'Dr. Grace Hopper' : undefined);
const wordsFor = (from: string, events: TransactionEvent[]) => actionWords({ from, events }, names);

describe('Transaction words for appointment settlements', () => {
  test.each<[string, string, TransactionEvent[], string, ('refunded' | 'released')[]]>([
    [
      'the doctor completes',
      doctor,
      [statusChanged(0, 5, doctor), released(1, doctor)],
      'Completed appointment #7; released 0.05 ETH to Dr. Grace Hopper',
      ['released'],
    ],
    [
      'the doctor marks a no-show (the fee stays held)',
      doctor,
      [statusChanged(0, Status.NoShow, doctor)],
      'Marked as no-show appointment #7',
      [],
    ],
    [
      'the doctor claims an undisputed no-show fee',
      doctor,
      [released(0, doctor)],
      'Claimed the no-show fee of appointment #7 (0.05 ETH)',
      ['released'],
    ],
    [
      'the patient disputes the no-show',
      patient,
      [statusChanged(0, Status.Disputed, patient)],
      'Disputed the no-show of appointment #7 with Dr. Grace Hopper',
      [],
    ],
    [
      'the patient reclaims an unclosed appointment’s fee',
      patient,
      [statusChanged(0, Status.Expired, patient), released(1, patient)],
      'Reclaimed the fee of appointment #7 with Dr. Grace Hopper; refunded 0.05 ETH',
      ['refunded'],
    ],
    [
      'an admin settles the dispute for the patient',
      admin,
      [statusChanged(0, Status.Refunded, admin), released(1, patient)],
      'Settled the dispute over appointment #7 with Dr. Grace Hopper for the patient; refunded 0.05 ETH',
      ['refunded'],
    ],
    [
      'an admin settles the dispute for the doctor',
      admin,
      [statusChanged(0, Status.NoShow, admin), released(1, doctor)],
      'Settled the dispute over appointment #7 with Dr. Grace Hopper for the doctor; released 0.05 ETH to Dr. Grace Hopper',
      ['released'],
    ],
  ])('When %s, then the action and the payments say so', (_case, from, events, words, kinds) => {
    expect(wordsFor(from, events)).toBe(words);
    expect(paymentsOf({ from, status: 'mined', valueWei: '0', events }).map((payment) => payment.kind)).toEqual(kinds);
  });

  test('When an admin changes the settlement periods, then the action names both', () => {
    const event = logged(0, 'SettlementPeriodsChanged', [admin, 3n * BigInt(DAY), 14n * BigInt(DAY)]);

    expect(wordsFor(admin, [event])).toBe('Set the closing grace period to 3 days and the dispute period to 14 days');
  });

  test('When a request with a fee reverted, then it moved nothing', () => {
    expect(paymentsOf({ from: patient, status: 'reverted', valueWei: FEE.toString(), events: [] })).toEqual([]);
  });
});
