# The app image for docker-compose.yml: the API + SPA, and the migrate-if-needed step, run by the same
# entry as `npm start`. With RPC_URL, MONGODB_URI and IPFS_API_URL set (compose sets them) it starts
# no embedded service: it migrates the contracts if the chain lacks them, then serves.
FROM node:20-bookworm-slim

WORKDIR /app
ENV CI=true NG_CLI_ANALYTICS=false PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Dependencies first, so source edits reuse this layer. One lockfile for everything (see README).
# The runtime needs most of them anyway: truffle + solc to migrate, tsx to run, typechain via export-contracts.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force

COPY . .
# Contracts (truffle compile → generated types) and the Angular client (dist/client/browser).
RUN npm run build

# Deployment records and the chain's Truffle artifacts live on a volume, beside nothing else.
RUN mkdir -p /data && chown node:node /data
USER node
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data DEPLOYMENTS_FILE=/data/deployments.json
VOLUME ["/data"]
EXPOSE 3000

# node directly (not npm) so SIGTERM from `docker stop` reaches the runner, which shuts down cleanly.
CMD ["node", "--import", "tsx", "scripts/dev/start.ts"]
