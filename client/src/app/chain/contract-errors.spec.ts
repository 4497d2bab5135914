import { Appointments__factory } from '@contracts/types';
import { describeTransactionError } from './contract-errors';

describe('describeTransactionError', () => {
  const appointments = Appointments__factory.createInterface();

  it('When a doctor accepts a request the patient filed before revoking their access, then the refusal is explained', () => {
    const data = appointments.encodeErrorResult('AppointmentsConsentRevokedSinceRequest', [7n]);

    const text = describeTransactionError({ code: 'CALL_EXCEPTION', data }, appointments);

    expect(text).toBe(
      'The patient took back your access after requesting this appointment, so it cannot be accepted. Reject it to return the fee; the patient can book again.',
    );
  });

  // 1 Mar 2027, 10:00 UTC: read in the reader's own locale and time zone, as the page shows it.
  const deadline = 1_803_981_600n;
  const deadlineText = new Date(Number(deadline) * 1000).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const DAY = 86_400n;

  it.each<[string, unknown[], string]>([
    [
      'AppointmentsSlotTaken',
      [3n, 1_800_000_000n, 1_800_001_800n],
      'That time was just taken by another booking; pick another free slot.',
    ],
    [
      'AppointmentsTermsNotSet',
      ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'],
      'This doctor has not published a fee and slot length yet, so cannot be booked.',
    ],
    ['AppointmentsInvalidSlotLength', [60n, 300n, 14_400n], 'A slot must last between 5 and 240 minutes.'],
    ['AppointmentsInvalidPeriod', [DAY * 31n, DAY, DAY * 30n], 'Each period must last between 1 and 30 days.'],
    [
      'AppointmentsClosingPeriodOver',
      [4n, deadline],
      `Appointment #4 could be completed or marked as a no-show only until ${deadlineText}; the patient may now reclaim the fee.`,
    ],
    [
      'AppointmentsClosingPeriodNotOver',
      [4n, deadline],
      `The doctor may still close appointment #4 until ${deadlineText}; you can reclaim the fee after that.`,
    ],
    [
      'AppointmentsDisputePeriodOver',
      [5n, deadline],
      `The no-show of appointment #5 could be disputed only until ${deadlineText}.`,
    ],
    [
      'AppointmentsDisputePeriodNotOver',
      [5n, deadline],
      `The patient may dispute the no-show of appointment #5 until ${deadlineText}; you can claim the fee after that.`,
    ],
    ['AppointmentsFeeAlreadySettled', [6n], 'The fee of appointment #6 has already been paid out.'],
    [
      'AppointmentsInvalidRange',
      [1_800_000_000n, 1_700_000_000n, DAY * 31n],
      'Pick a time range that runs forwards and spans at most 31 days.',
    ],
  ])('When the contract reverts with %s, then the person reads it in plain words', (name, args, text) => {
    const data = appointments.encodeErrorResult(name, args);

    expect(describeTransactionError({ code: 'CALL_EXCEPTION', data }, appointments)).toBe(text);
  });

  it('When the wallet nests the revert (MetaMask), then it is still explained', () => {
    const data = appointments.encodeErrorResult('AppointmentsSlotTaken', [3n, 1n, 2n]);

    expect(describeTransactionError({ code: -32603, data: { data } }, appointments)).toBe(
      'That time was just taken by another booking; pick another free slot.',
    );
  });
});
