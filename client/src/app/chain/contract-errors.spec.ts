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
});
