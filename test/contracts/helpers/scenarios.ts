/** Short paths to the states the appointment, consent and record tests start from. */
import { parseEther } from 'ethers';
import { DAY, SLOT_LENGTH } from '@test-support/constants';
import { latestTimestamp, mined, type TestSigner } from './chain';
import type { World } from './world';

export const FEE = parseEther('0.05');
export const CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
export const CONTENT_HASH = `0x${'ab'.repeat(32)}`;

export const Status = {
  None: 0n,
  Requested: 1n,
  Accepted: 2n,
  Rejected: 3n,
  Cancelled: 4n,
  Completed: 5n,
  NoShow: 6n,
  Disputed: 7n,
  Expired: 8n,
  Refunded: 9n,
} as const;

/** A slot `seconds` after the latest block. */
export async function slotIn(world: World, seconds: number): Promise<number> {
  return (await latestTimestamp(world.provider)) + seconds;
}

/**
 * The first time from `inSeconds` after the latest block at which `doctor` has no requested or accepted
 * appointment for `duration` seconds (read from the chain), so several bookings in one test never overlap.
 */
export async function nextFreeSlot(
  world: World,
  doctor: string,
  inSeconds: number,
  duration: number = SLOT_LENGTH,
): Promise<number> {
  let slot = await slotIn(world, inSeconds);
  for (;;) {
    const held = await world.appointments.activeAppointmentsBetween(doctor, slot, slot + duration);
    if (held.length === 0) return slot;
    slot = Math.max(...held.map((a) => Number(a.slot + a.duration)));
  }
}

/**
 * The patient books the doctor (who asks FEE for SLOT_LENGTH slots) at the first free time from one day
 * ahead, or exactly `inSeconds` ahead when given; returns the appointment id and slot.
 */
export async function book(
  world: World,
  opts: { patient?: TestSigner; doctor?: TestSigner; fee?: bigint; inSeconds?: number } = {},
): Promise<{ id: bigint; slot: number }> {
  const { appointments, cast } = world;
  const patient = opts.patient ?? cast.patient;
  const doctor = opts.doctor ?? cast.doctor;
  const fee = opts.fee ?? FEE;
  const [currentFee, slotLength] = await appointments.doctorTerms(doctor.address);
  if (currentFee !== fee || slotLength === 0n) await mined(appointments.connect(doctor).setTerms(fee, SLOT_LENGTH));
  const slot =
    opts.inSeconds === undefined ? await nextFreeSlot(world, doctor.address, DAY) : await slotIn(world, opts.inSeconds);
  await mined(appointments.connect(patient).requestAppointment(doctor.address, slot, '', { value: fee }));
  return { id: await appointments.appointmentCount(), slot };
}

/** As {@link book}, then the doctor accepts. */
export async function bookAccepted(
  world: World,
  opts: Parameters<typeof book>[1] = {},
): Promise<{ id: bigint; slot: number }> {
  const booked = await book(world, opts);
  await mined(world.appointments.connect(opts.doctor ?? world.cast.doctor).accept(booked.id));
  return booked;
}
