/** An account in a path or body: any-case hex as Ethereum defines it, read as its checksummed form. */
import { getAddress, isAddress } from 'ethers';
import { z } from 'zod';

export const AddressSchema = z
  .string()
  .refine((value) => isAddress(value), 'must be an Ethereum address')
  .transform((value) => getAddress(value.toLowerCase()))
  // For the OpenAPI document: what the refinement above accepts, as JSON Schema can say it.
  .meta({ description: 'An Ethereum address, any case', pattern: '^0x[0-9a-fA-F]{40}$' });
