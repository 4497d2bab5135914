/**
 * The admin dashboard's appointment charts: requests per UTC day over the last 30 days up to the latest
 * block's time (days without requests count 0), and every appointment by its current status.
 */
import type { Registry, Appointments } from '@contracts/types';
import { LISTED_APPOINTMENT_STATUSES, type AppointmentStats } from '@api';
import { forbidden } from '../../../libraries/errors';
import { countByStatus, countRequestsPerDay } from '../data-access/appointment-store';
import { readChainTime } from '../data-access/chain-appointments';

const DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC days, oldest first, of the `DAYS` days ending with the day of `until`. */
function lastDays(until: Date): Date[] {
  const lastDay = Date.UTC(until.getUTCFullYear(), until.getUTCMonth(), until.getUTCDate());
  return Array.from({ length: DAYS }, (_, index) => new Date(lastDay - (DAYS - 1 - index) * DAY_MS));
}

export async function appointmentStats(
  contracts: { registry: Registry; appointments: Appointments },
  reader: string,
): Promise<AppointmentStats> {
  if (!(await contracts.registry.isAdmin(reader))) {
    throw forbidden('Only admins may see the appointment statistics', 'ADMIN_ONLY');
  }
  const days = lastDays(await readChainTime(contracts.appointments));
  const [perDay, byStatus] = await Promise.all([
    countRequestsPerDay(days[0], new Date(days[days.length - 1].getTime() + DAY_MS)),
    countByStatus(),
  ]);
  const statusCounts = Object.fromEntries(
    LISTED_APPOINTMENT_STATUSES.map((status) => [status, byStatus.get(status) ?? 0]),
  ) as AppointmentStats['byStatus'];
  return {
    perDay: days.map((day) => {
      const key = day.toISOString().slice(0, 10);
      return { day: key, count: perDay.get(key) ?? 0 };
    }),
    byStatus: statusCounts,
    total: Object.values(statusCounts).reduce((sum, count) => sum + count, 0),
  };
}
