/**
 * Reading appointments from the read model: a caller's own (a patient's bookings, a doctor's queue), every
 * one for admins, and one appointment for its two parties and admins. Whether the caller is an admin is
 * asked of the Registry on each request.
 */
import type { Appointments, Registry } from '@contracts/types';
import type { AppointmentListQuerySchema, AppointmentPage, AppointmentView } from '@api';
import type { z } from 'zod';
import { forbidden } from '../../../libraries/errors';
import { findAppointment, findAppointments, type AppointmentFilter } from '../data-access/appointment-store';
import { readChainTime, readSettlementPeriods } from '../data-access/chain-appointments';
import { appointmentNotFound, isParty, sameAccount } from './appointment-parties';
import { toAppointmentViews } from './appointment-view';

export interface AppointmentContracts {
  appointments: Appointments;
  registry: Registry;
}

type ListQuery = z.output<typeof AppointmentListQuerySchema>;

/**
 * Who the list is about. Admins: everyone, or the patient/doctor they name. Anybody else: the appointments
 * they are a party to (an account is never both patient and doctor); naming someone else is refused.
 */
async function listScope(
  contracts: AppointmentContracts,
  reader: string,
  query: ListQuery,
): Promise<AppointmentFilter> {
  const named = { ...(query.patient && { patient: query.patient }), ...(query.doctor && { doctor: query.doctor }) };
  if (await contracts.registry.isAdmin(reader)) return named;
  if (Object.values(named).some((account) => !sameAccount(account, reader))) {
    throw forbidden("Only admins may list other accounts' appointments", 'APPOINTMENTS_ADMIN_FILTER');
  }
  return Object.keys(named).length > 0 ? named : { party: reader };
}

export async function listAppointments(
  contracts: AppointmentContracts,
  reader: string,
  query: ListQuery,
): Promise<AppointmentPage> {
  const scope = await listScope(contracts, reader, query);
  const filter: AppointmentFilter = {
    ...scope,
    ...(query.status && { statuses: query.status }),
    ...(query.from && { from: query.from }),
    ...(query.to && { to: query.to }),
  };
  const [{ items, total }, periods, chainTime] = await Promise.all([
    findAppointments(filter, { order: query.order, offset: query.offset, limit: query.limit }),
    readSettlementPeriods(contracts.appointments),
    readChainTime(contracts.appointments),
  ]);
  return { items: await toAppointmentViews(items, reader, periods), total, chainTime: chainTime.toISOString() };
}

export async function getAppointment(
  contracts: AppointmentContracts,
  reader: string,
  id: string,
): Promise<AppointmentView> {
  const appointment = await findAppointment(id);
  if (!appointment) throw appointmentNotFound(id);
  if (!isParty(appointment, reader) && !(await contracts.registry.isAdmin(reader))) throw appointmentNotFound(id);
  const [view] = await toAppointmentViews([appointment], reader, await readSettlementPeriods(contracts.appointments));
  return view;
}
