/**
 * IPFS: the server's client of the node's Kubo RPC API (a real daemon or the embedded node), and the
 * app's endpoint through which browsers pin and read encrypted documents.
 */
import type { Component } from '../component';
import { ipfsGatewayRoutes } from './entry-points/api/ipfs-gateway-routes';

export { createKuboClient, KuboError, type KuboClient } from './data-access/kubo-client';

export const ipfsComponent: Component = {
  name: 'ipfs',
  apiRoutes: ({ config, limitWrites }) =>
    ipfsGatewayRoutes({ apiUrl: config.ipfsApiUrl, maxUploadBytes: config.ipfsMaxUploadBytes, limitWrites }),
};
