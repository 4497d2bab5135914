/**
 * Builds the Express app from already-connected dependencies (no I/O here), so tests and
 * startServer assemble the same app. The routes come from the component list (components/index.ts);
 * this file owns only their order relative to the app-wide middleware.
 */
import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from './libraries/config/config';
import type { Chain } from './libraries/chain';
import { errorHandler, notFound } from './libraries/errors';
import { clientAssets, loggedUrl, refuseForeignOrigin } from './libraries/http';
import type { Logger } from './libraries/logger/logger';
import { COMPONENTS, type ComponentContext } from './components';
import { limitWritesPerAccount } from './components/auth';
import type { KuboClient } from './components/ipfs';

export interface AppDependencies {
  config: AppConfig;
  chain: Chain;
  ipfs: KuboClient;
  logger: Logger;
}

const JSON_BODY_LIMIT = '100kb';

function securityHeaders(config: AppConfig): RequestHandler {
  // The app's own /rpc is 'self'; a PUBLIC_RPC_URL elsewhere (a proxy) is named too.
  const rpcOrigins = config.publicRpcUrl ? [new URL(config.publicRpcUrl).origin] : [];
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Angular sets inline style attributes for bindings such as [style.width].
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // The wallet talks to the RPC itself, but ethers in the page may read through it too.
        connectSrc: ["'self'", ...rpcOrigins],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        ...(config.publicOrigin?.startsWith('https:') ? {} : { upgradeInsecureRequests: null }),
      },
    },
  });
}

export function createApp(deps: AppDependencies): Express {
  const { config } = deps;
  const context: ComponentContext = {
    config,
    chain: deps.chain,
    ipfs: deps.ipfs,
    logger: deps.logger,
    // One per-account budget shared by every write route.
    limitWrites: limitWritesPerAccount(config.writeRateLimitPerMinute),
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders(config));
  app.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      // The request is described once, when its response is logged: only then is the matched route known,
      // and paths naming accounts are logged as their route pattern (libraries/http/route-pattern.ts).
      quietReqLogger: true,
      quietResLogger: true,
      customSuccessObject: (req, _res, logged: object) => ({ req, ...logged }),
      customErrorObject: (req, _res, _error, logged: object) => ({ req, ...logged }),
      // Method, path and status are enough to follow a request; headers would leak the session cookie.
      serializers: {
        req: (req: { id: unknown; method: string; raw: express.Request }) => ({
          id: req.id,
          method: req.method,
          url: loggedUrl(req.raw),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  // Before the API's JSON parser: app routes (/rpc) parse their own bodies (their size caps, their error format).
  for (const component of COMPONENTS) {
    for (const { path, router } of component.appRoutes?.(context) ?? []) app.use(path, router);
  }
  app.use(express.json({ limit: JSON_BODY_LIMIT }));
  app.use(cookieParser());

  const api = express.Router();
  // Only /api: the app-level /rpc forwarder takes posts from wallets with their own origin.
  api.use(refuseForeignOrigin(config.allowedOrigins));
  for (const component of COMPONENTS) {
    if (component.apiRoutes) api.use(component.apiRoutes(context));
  }
  api.use((req) => {
    throw notFound(`No API route ${req.method} ${req.baseUrl}${req.path}`, 'ROUTE_NOT_FOUND');
  });
  app.use('/api', api);

  app.use(clientAssets(config.clientDist));
  app.use((req) => {
    throw notFound(`Cannot ${req.method} ${req.path}`, 'ROUTE_NOT_FOUND');
  });
  app.use(errorHandler(deps.logger));
  return app;
}
