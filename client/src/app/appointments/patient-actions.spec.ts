import type { AppointmentView } from '@api';
import { isUpcoming, patientActions } from './patient-actions';

const SLOT = '2026-12-07T09:00:00.000Z';
const BEFORE = '2026-12-06T09:00:00.000Z';
const AFTER = '2026-12-07T10:00:00.000Z';
const CLOSING = '2026-12-14T09:30:00.000Z';
const LATE = '2026-12-15T00:00:00.000Z';

const appointment = (overrides: Partial<AppointmentView>): AppointmentView => ({
  id: '1',
  patient: '0x0000000000000000000000000000000000000a11',
  doctor: '0x0000000000000000000000000000000000000d0c',
  status: 'requested',
  slot: SLOT,
  slotEnd: '2026-12-07T09:30:00.000Z',
  duration: 1800,
  feeWei: '50000000000000000',
  feeSettled: false,
  requestedAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  history: [],
  payments: [],
  ...overrides,
});

describe('patientActions (against the chain time)', () => {
  it.each<[string, Partial<AppointmentView>, string, boolean, string[]]>([
    ['requested, before the slot', { status: 'requested' }, BEFORE, true, ['reschedule', 'cancel']],
    ['requested, after the slot', { status: 'requested' }, AFTER, true, ['cancel']],
    [
      'accepted, before the slot',
      { status: 'accepted', closingDeadline: CLOSING },
      BEFORE,
      true,
      ['reschedule', 'cancel'],
    ],
    [
      'accepted, after the slot, doctor still verified',
      { status: 'accepted', closingDeadline: CLOSING },
      AFTER,
      true,
      [],
    ],
    [
      'accepted, after the slot, doctor revoked',
      { status: 'accepted', closingDeadline: CLOSING },
      AFTER,
      false,
      ['cancel'],
    ],
    [
      'accepted, before the slot, doctor revoked',
      { status: 'accepted', closingDeadline: CLOSING },
      BEFORE,
      false,
      ['cancel'],
    ],
    ['accepted, past the closing deadline', { status: 'accepted', closingDeadline: CLOSING }, LATE, true, ['reclaim']],
    [
      'a held no-show within the dispute period',
      { status: 'no-show', disputeDeadline: CLOSING },
      AFTER,
      true,
      ['dispute'],
    ],
    ['a held no-show after the dispute period', { status: 'no-show', disputeDeadline: CLOSING }, LATE, true, []],
    [
      'a no-show whose fee was settled',
      { status: 'no-show', disputeDeadline: CLOSING, feeSettled: true },
      AFTER,
      true,
      [],
    ],
    ['completed', { status: 'completed', feeSettled: true }, AFTER, true, []],
    ['cancelled', { status: 'cancelled', feeSettled: true }, BEFORE, true, []],
    ['disputed', { status: 'disputed' }, AFTER, true, []],
  ])(
    'When the appointment is %s, then the patient is offered exactly what the contract allows',
    (_, view, chainTime, verified, actions) => {
      expect(patientActions(appointment(view), chainTime, verified)).toEqual(actions);
    },
  );

  it("When the browser's clock says the slot has passed but the chain's does not, then the chain's time decides", () => {
    const tomorrowByChain = appointment({ status: 'accepted', slot: '2000-01-02T00:00:00.000Z' });

    expect(isUpcoming(tomorrowByChain, '2000-01-01T00:00:00.000Z')).toBe(true);
    expect(patientActions(tomorrowByChain, '2000-01-01T00:00:00.000Z')).toEqual(['reschedule', 'cancel']);
  });
});
