export { refuseForeignOrigin } from './same-origin';
export { perMinuteLimit, type PerMinuteLimit } from './rate-limit';
export { logRoutePattern, loggedUrl } from './route-pattern';
export { clientAssets } from './client-assets';
