// Truffle builds and migrates the contracts. It runs offline: the compiler is the solc-js
// build shipped in node_modules (not a download), and the EVM target is shanghai because
// ganache 7.9 has no cancun opcodes (MCOPY would fail with "invalid opcode").
const path = require('node:path');

const rpcUrl = new URL(process.env.RPC_URL || process.env.GANACHE_URL || 'http://127.0.0.1:8545');

module.exports = {
  contracts_directory: path.join(__dirname, 'contracts'),
  // `truffle compile` writes build/contracts (the source of the generated types). A running chain's
  // migrations use a build directory beside that chain's data (TRUFFLE_BUILD_DIR), so the addresses
  // they record never mix with another chain's (see scripts/export-contracts.ts).
  contracts_build_directory: process.env.TRUFFLE_BUILD_DIR || path.join(__dirname, 'build', 'contracts'),
  migrations_directory: path.join(__dirname, 'migrations'),
  networks: {
    development: {
      host: rpcUrl.hostname,
      port: Number(rpcUrl.port || (rpcUrl.protocol === 'https:' ? 443 : 80)),
      network_id: '*',
      // A fixed gas limit: ganache 7.9 can hang on concurrent eth_estimateGas.
      gas: 8_000_000,
    },
  },
  compilers: {
    solc: {
      version: path.join(__dirname, 'node_modules', 'solc', 'soljson.js'),
      settings: {
        optimizer: { enabled: true, runs: 200 },
        evmVersion: 'shanghai',
      },
    },
  },
  mocha: { timeout: 100000 },
};
