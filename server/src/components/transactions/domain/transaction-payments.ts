/**
 * The ETH a transaction moved, from its value and its Appointments events: the fee a request escrowed, the
 * fees released (back to the patient: a refund; to the doctor: earnings) and the balances withdrawn. Pure:
 * replaying the same logs gives the same list.
 */
import type { TransactionStatus } from '@api';
import type { PaymentRecord, TransactionEvent } from '../data-access/transaction-store';

/**
 * A PaymentReleased is a refund when the same transaction changed the appointment's status and the payee is not
 * its doctor (cancel, reject, reclaimFee, settleDispute for the patient); otherwise the doctor was paid
 * (complete, settleDispute for the doctor, and claimNoShowFee, which changes no status).
 */
export function releaseKind(release: TransactionEvent, events: readonly TransactionEvent[]): 'refunded' | 'released' {
  const statusChange = events.find(
    (event) => event.name === 'AppointmentStatusChanged' && event.detail?.split(':')[0] === release.detail,
  );
  return statusChange && statusChange.subject !== release.subject ? 'refunded' : 'released';
}

export function paymentsOf(transaction: {
  from: string;
  status: TransactionStatus;
  valueWei?: string;
  events: readonly TransactionEvent[];
}): PaymentRecord[] {
  // A reverted transaction moved nothing (its value went back); a pending one has not moved anything yet.
  if (transaction.status !== 'mined') return [];
  const payments: PaymentRecord[] = [];
  if (transaction.valueWei && BigInt(transaction.valueWei) > 0n) {
    const requested = transaction.events.find((event) => event.name === 'AppointmentRequested');
    payments.push({
      kind: 'escrowed',
      account: transaction.from,
      amountWei: transaction.valueWei,
      ...(requested?.detail && { appointmentId: requested.detail }),
    });
  }
  for (const event of transaction.events) {
    if (!event.subject || !event.amountWei) continue;
    if (event.name === 'PaymentReleased')
      payments.push({
        kind: releaseKind(event, transaction.events),
        account: event.subject,
        amountWei: event.amountWei,
        ...(event.detail && { appointmentId: event.detail }),
      });
    else if (event.name === 'Withdrawn')
      payments.push({ kind: 'withdrawn', account: event.subject, amountWei: event.amountWei });
  }
  return payments;
}
