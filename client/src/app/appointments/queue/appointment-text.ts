/** How the doctor's and the admin's appointment screens word an appointment's parts. */
import { formatDate } from '@angular/common';
import { formatEther } from 'ethers';
import type { AppointmentView } from '@api';
import type { AppointmentStatus } from '@api/chain-values';
import { shortAddress } from '../../auth/account';

/** The patient's name from their profile, else their short address. */
export const patientLabel = (appointment: AppointmentView) =>
  appointment.patientName || shortAddress(appointment.patient);

/** The doctor's name from their profile, else their short address. */
export const doctorLabel = (appointment: AppointmentView) => appointment.doctorName || shortAddress(appointment.doctor);

/** "Mon 30 Nov 2026 14:00" in the browser's time zone. */
export const localTime = (iso: string) => formatDate(iso, 'EEE d MMM y HH:mm', 'en-US');

/** "Mon 30 Nov 2026 14:00–14:30". */
export const slotText = (appointment: AppointmentView) =>
  `${localTime(appointment.slot)}–${formatDate(appointment.slotEnd, 'HH:mm', 'en-US')}`;

/** "0.01 ETH". */
export const feeText = (appointment: AppointmentView) => `${formatEther(BigInt(appointment.feeWei))} ETH`;

const STATUS_LABELS: Record<AppointmentStatus, string> = {
  none: 'None',
  requested: 'Requested',
  accepted: 'Accepted',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  completed: 'Completed',
  'no-show': 'No-show',
  disputed: 'Disputed',
  expired: 'Expired',
  refunded: 'Refunded',
};

export const statusLabel = (status: AppointmentStatus) => STATUS_LABELS[status];
