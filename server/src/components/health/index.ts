/** Platform endpoints: health of the dependencies and the SPA's runtime configuration. */
export { platformRoutes, type PlatformRouteOptions } from './entry-points/api/platform-routes';
export { checkHealth } from './domain/health-check';
