/** The body of every API error (4xx/5xx), from the server's one error middleware. */
import { z } from 'zod';

export const ApiErrorBodySchema = z.object({
  error: z.object({
    /** Stable, machine-readable: VALIDATION_FAILED, UNAUTHENTICATED, ADMIN_ONLY, RATE_LIMITED, … */
    code: z.string(),
    /** One sentence for a person, naming the problem (for VALIDATION_FAILED: `field: reason; …`). */
    message: z.string(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
