/**
 * A clinic-sized doctor directory for the API read path bench: N doctors with varied, realistic profiles
 * (names from common first and last names, eight specialities, twenty cities, joining dates over thirty
 * years, most verified, some only registered or revoked, most with published terms), generated from a
 * seed so every run searches the same directory. Pure data: seeding it into MongoDB is doctor-seed.ts.
 */
import { createHash } from 'node:crypto';
import { getAddress } from 'ethers';
import { SPECIALITIES } from '@api';

export const FIRST_NAMES = [
  'Amelia',
  'Oliver',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Arthur',
  'Ivy',
  'Leo',
  'Grace',
  'Oscar',
  'Freya',
  'Harry',
  'Lily',
  'Jack',
  'Florence',
  'Charlie',
  'Sophia',
  'Muhammad',
  'Aisha',
  'Ravi',
  'Priya',
  'Wei',
  'Mei',
  'Kwame',
  'Ama',
  'Sean',
  'Niamh',
  'Tomasz',
  'Zofia',
  'Ahmed',
  'Fatima',
  'Daniel',
  'Hannah',
  'Samuel',
  'Chloe',
  'Ethan',
  'Ella',
  'Lucas',
  'Ruby',
  'Adam',
  'Sara',
  'Yusuf',
  'Leila',
  'Omar',
  'Nadia',
  'Kenji',
  'Yuki',
  'Mateo',
] as const;

export const LAST_NAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Khan',
  'Ahmed',
  'Singh',
  'Shah',
  'Ali',
  'Hussain',
  'Begum',
  'Chen',
  'Wang',
  'Li',
  'Nguyen',
  "O'Brien",
  'Murphy',
  'Kelly',
  'Byrne',
  'Kowalski',
  'Nowak',
  'Mensah',
  'Owusu',
  'Okafor',
  'Adeyemi',
  'Garcia',
  'Fernandes',
  'Rossi',
  'Müller',
  'Schmidt',
  'Tanaka',
  'Sato',
  'Kim',
  'Park',
  'Hughes',
  'Edwards',
  'Morgan',
  'Lewis',
  'Harris',
  'Martin',
  'Cooper',
  'Ward',
  'Turner',
] as const;

/** City and the state (county or region) the profile form asks for. */
export const PLACES = [
  ['London', 'Greater London'],
  ['Manchester', 'Greater Manchester'],
  ['Birmingham', 'West Midlands'],
  ['Leeds', 'West Yorkshire'],
  ['Sheffield', 'South Yorkshire'],
  ['Bristol', 'Bristol'],
  ['Liverpool', 'Merseyside'],
  ['Newcastle', 'Tyne and Wear'],
  ['Nottingham', 'Nottinghamshire'],
  ['Leicester', 'Leicestershire'],
  ['Cardiff', 'South Glamorgan'],
  ['Edinburgh', 'Lothian'],
  ['Glasgow', 'Lanarkshire'],
  ['Belfast', 'Antrim'],
  ['Oxford', 'Oxfordshire'],
  ['Cambridge', 'Cambridgeshire'],
  ['Brighton', 'East Sussex'],
  ['York', 'North Yorkshire'],
  ['Coventry', 'West Midlands'],
  ['Salford', 'Greater Manchester'],
] as const;

export interface DirectoryDoctor {
  address: string;
  status: 'pending' | 'verified' | 'revoked';
  speciality: number;
  licenceHash: string;
  registeredPosition: number;
  registeredAt: Date;
  feeWei?: string;
  slotLength?: number;
  profile: {
    firstName: string;
    lastName: string;
    displayName: string;
    dateOfJoining: string;
    email: string;
    mobile: string;
    city: string;
    state: string;
    bio?: string;
  };
}

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same directory and query mix. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 32 bytes as 0x-hex, derived from `text` (sha-256: fast; these are identifiers, not chain hashes). */
const bytes32 = (text: string) => `0x${createHash('sha256').update(text).digest('hex')}`;

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Where the directory's first registration sits (block * 1e5 + log index), after the deployment's own blocks. */
const FIRST_POSITION = 1_000 * 100_000;
const FIRST_REGISTRATION = Date.UTC(2024, 0, 8);
const DAY_MS = 86_400_000;

/** `count` doctors, in registration order: ~90 % verified, ~7 % awaiting verification, ~3 % revoked. */
export function doctorDirectory(count: number, seed = 11): DirectoryDoctor[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const [city, state] = pick(random, PLACES);
    const roll = random();
    const status = roll < 0.9 ? 'verified' : roll < 0.97 ? 'pending' : 'revoked';
    const joined = new Date(Date.UTC(1995, 0, 1) + Math.floor(random() * 30 * 365) * DAY_MS);
    const speciality = pick(random, SPECIALITIES).code;
    const hasTerms = status === 'verified' && random() < 0.8;
    return {
      address: getAddress(`0x${bytes32(`bench doctor ${seed}/${index}`).slice(-40)}`),
      status,
      speciality,
      licenceHash: bytes32(`licence ${seed}/${index}`),
      registeredPosition: FIRST_POSITION + index * 100_000,
      registeredAt: new Date(FIRST_REGISTRATION + index * 60_000),
      ...(hasTerms && {
        feeWei: (BigInt(10 + Math.floor(random() * 90)) * 10n ** 15n).toString(),
        slotLength: pick(random, [900, 1_200, 1_800]),
      }),
      profile: {
        firstName,
        lastName,
        displayName: `Dr. ${firstName} ${lastName}`,
        dateOfJoining: joined.toISOString().slice(0, 10),
        email: `${firstName}.${lastName}.${index}@clinic.example`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
        mobile: `+4477009${String(index % 100_000).padStart(5, '0')}`,
        city,
        state,
        ...(random() < 0.5 && {
          bio: `${firstName} practises in ${city} and has been with the clinic since ${joined.getUTCFullYear()}.`,
        }),
      },
    };
  });
}
