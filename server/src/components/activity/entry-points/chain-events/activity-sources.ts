/**
 * The activity component's event sources: the Registry, Consent, Appointments and Records events that
 * concern a person, each turned into timeline entries (domain/chain-activity.ts). Each source resets
 * only the entries it wrote; entries reported off chain are never reset.
 */
import { ZeroHash, getAddress, type Interface, type Result } from 'ethers';
import { Appointments__factory, Consent__factory, Records__factory, Registry__factory } from '@contracts/types';
import { deploymentOf, type ChainDeployments, type EventSource } from '../../../../libraries/chain';
import type { ChainActivity, ChainPosition } from '../../domain/activity-entry';
import {
  appointmentActivity,
  clearChainActivity,
  consentActivity,
  recordChainActivity,
  recordsActivity,
  registryActivity,
} from '../../domain/chain-activity';

type ToActivities = (args: Result) => ChainActivity[];

const DEFAULT_ADMIN_ROLE = ZeroHash;
const address = (value: unknown) => getAddress(String(value));
/** ethers decodes every uint as a bigint. */
const uint = (value: unknown) => value as bigint;
const smallUint = (value: unknown) => Number(uint(value));

function activitySource(
  contract: string,
  deployments: ChainDeployments,
  contractInterface: Interface,
  events: Record<string, ToActivities>,
): EventSource {
  const deployment = deploymentOf(deployments, contract);
  const name = `${contract}→activity`;
  return {
    name,
    address: getAddress(deployment.address),
    fromBlock: deployment.blockNumber,
    contractInterface,
    handlers: Object.fromEntries(
      Object.entries(events).map(([event, toActivities]) => [
        event,
        (args: Result, at: ChainPosition) => recordChainActivity(name, toActivities(args), at),
      ]),
    ),
    reset: () => clearChainActivity(name),
  };
}

export function activityEventSources(deployments: ChainDeployments): EventSource[] {
  const appointmentsAddress = getAddress(deploymentOf(deployments, 'Appointments').address);
  const adminRoleChange = (granted: boolean) => (args: Result) =>
    args.role === DEFAULT_ADMIN_ROLE
      ? registryActivity.adminRoleChanged({ account: address(args.account), sender: address(args.sender), granted })
      : [];

  return [
    activitySource('Registry', deployments, Registry__factory.createInterface(), {
      DoctorRegistered: (args) =>
        registryActivity.doctorRegistered({
          doctor: address(args.doctor),
          registeredBy: address(args.registeredBy),
          speciality: smallUint(args.speciality),
        }),
      DoctorVerified: (args) =>
        registryActivity.doctorVerified({ doctor: address(args.doctor), admin: address(args.admin) }),
      DoctorRevoked: (args) =>
        registryActivity.doctorRevoked({
          doctor: address(args.doctor),
          admin: address(args.admin),
          reason: smallUint(args.reason),
        }),
      PatientRegistered: (args) => registryActivity.patientRegistered({ patient: address(args.patient) }),
      RoleGranted: adminRoleChange(true),
      RoleRevoked: adminRoleChange(false),
    }),
    activitySource('Consent', deployments, Consent__factory.createInterface(), {
      AccessGranted: (args) =>
        consentActivity.accessGranted({
          patient: address(args.patient),
          doctor: address(args.doctor),
          expiresAt: uint(args.expiresAt),
        }),
      AccessRevoked: (args) =>
        consentActivity.accessRevoked({ patient: address(args.patient), doctor: address(args.doctor) }),
      AppointmentAccessUpdated: (args) =>
        consentActivity.appointmentAccessUpdated({
          patient: address(args.patient),
          doctor: address(args.doctor),
          appointmentId: uint(args.appointmentId),
          expiresAt: uint(args.expiresAt),
          hookCaller: appointmentsAddress,
        }),
    }),
    activitySource('Appointments', deployments, Appointments__factory.createInterface(), {
      DoctorTermsSet: (args) =>
        appointmentActivity.termsSet({
          doctor: address(args.doctor),
          fee: uint(args.fee),
          slotLength: smallUint(args.slotLength),
        }),
      SettlementPeriodsChanged: (args) =>
        appointmentActivity.settlementPeriodsChanged({
          admin: address(args.admin),
          closingGracePeriod: uint(args.closingGracePeriod),
          disputePeriod: uint(args.disputePeriod),
        }),
      AppointmentRequested: (args) =>
        appointmentActivity.requested({
          id: uint(args.id),
          patient: address(args.patient),
          doctor: address(args.doctor),
          slot: uint(args.slot),
          fee: uint(args.fee),
        }),
      AppointmentRescheduled: (args) =>
        appointmentActivity.rescheduled({
          id: uint(args.id),
          patient: address(args.patient),
          doctor: address(args.doctor),
          previousSlot: uint(args.previousSlot),
          slot: uint(args.slot),
        }),
      AppointmentStatusChanged: (args) =>
        appointmentActivity.statusChanged({
          id: uint(args.id),
          patient: address(args.patient),
          doctor: address(args.doctor),
          status: smallUint(args.status),
          by: address(args.by),
        }),
      PaymentReleased: (args) =>
        appointmentActivity.paymentReleased({
          id: uint(args.id),
          payee: address(args.payee),
          amount: uint(args.amount),
          contract: appointmentsAddress,
        }),
      Withdrawn: (args) => appointmentActivity.withdrawn({ account: address(args.account), amount: uint(args.amount) }),
    }),
    activitySource('Records', deployments, Records__factory.createInterface(), {
      RecordAdded: (args) =>
        recordsActivity.added({
          id: uint(args.id),
          patient: address(args.patient),
          author: address(args.author),
          kind: smallUint(args.kind),
          amends: uint(args.amends),
        }),
    }),
  ];
}
