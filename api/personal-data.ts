/** Field rules shared by the doctor and patient profiles: dates that are not in the future, phone numbers. */
import { z } from 'zod';
import { E164_PATTERN, latestPastDate } from './doctor-codes';

/** A calendar date, YYYY-MM-DD, not after today (anywhere on Earth: see latestPastDate). */
export const PastDateSchema = z.iso
  .date('must be a date as YYYY-MM-DD')
  .refine((date) => date <= latestPastDate(), 'must not be in the future');

/** An E.164 phone number: `+`, a country code, at most 15 digits in all (e.g. +447700900123). */
export const E164PhoneSchema = z
  .string()
  .trim()
  .regex(E164_PATTERN, 'must be an E.164 phone number such as +447700900123');
