/** IPFS access through the Kubo RPC API (a real daemon or the embedded node). */
export { createKuboClient, KuboError, type KuboClient } from './data-access/kubo-client';
