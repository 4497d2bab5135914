/**
 * /api/admins: the Registry's admins, read from the chain. Adding and removing an admin are
 * transactions the admin's wallet sends (Registry.addAdmin / removeAdmin); the API never signs.
 */
import { z } from 'zod';
import { routes } from './route-spec';

/** GET /api/admins: every admin, in the Registry's enumeration order. */
export const AdminListSchema = z.object({
  admins: z.array(z.string()),
  /** Registry.adminCount(): the contract refuses to remove the last one (RegistryLastAdmin). */
  count: z.number().int(),
});
export type AdminList = z.infer<typeof AdminListSchema>;

export const ADMIN_ROUTES = routes([
  {
    method: 'get',
    path: '/api/admins',
    summary: 'The admins, read from the Registry (admins only)',
    access: 'admin',
    response: AdminListSchema,
    errors: ['ADMIN_ONLY'],
  },
]);
