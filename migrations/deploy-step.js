// Shared by the numbered migrations: deploys one contract with the constructor arguments listed in
// system.json. Truffle only runs files whose name starts with a number, so this file is not a step.
const { Wallet } = require('ethers');
const system = require('./system.json');

async function resolveArg(artifacts, accounts, arg) {
  if (arg === '$deployer') return accounts[0];
  return (await artifacts.require(arg).deployed()).address;
}

async function deployFromPlan(artifacts, deployer, accounts, name) {
  const args = [];
  for (const arg of system.constructorArgs[name]) args.push(await resolveArg(artifacts, accounts, arg));
  await deployer.deploy(artifacts.require(name), ...args);
}

// Set-once wiring calls (e.g. Consent.bindAppointments(Appointments)); only the deployer may make them.
async function bindContracts(artifacts, accounts) {
  for (const binding of system.bindings) {
    const contract = await artifacts.require(binding.contract).deployed();
    const target = await resolveArg(artifacts, accounts, binding.target);
    await contract[binding.function](target, { from: accounts[0] });
  }
}

/**
 * The address a role account ("$auditAnchorer") resolves to on this chain (system.json "accounts"), or
 * undefined when there is none: no key in the environment and no unlocked account at the dev index.
 */
function roleAccount(name, accounts, env = process.env) {
  const spec = system.accounts[name];
  if (!spec) throw new Error(`system.json names no account ${name}`);
  const key = env[spec.privateKeyEnv];
  if (key) return new Wallet(key).address;
  return accounts[spec.devAccountIndex];
}

// Narrow roles set by the deployer (a Registry admin), e.g. Anchoring.setAuditAnchorer(anchorer).
async function assignRoles(artifacts, web3, accounts) {
  for (const role of system.roles) {
    const account = roleAccount(role.account, accounts);
    if (!account) {
      const spec = system.accounts[role.account];
      console.log(`${role.contract}.${role.function}: no ${role.account} (set ${spec.privateKeyEnv}), left unset`);
      continue;
    }
    const { fundWei } = system.accounts[role.account];
    if (fundWei && BigInt(await web3.eth.getBalance(account)) === 0n) {
      await web3.eth.sendTransaction({ from: accounts[0], to: account, value: fundWei });
    }
    const contract = await artifacts.require(role.contract).deployed();
    await contract[role.function](account, { from: accounts[0] });
  }
}

module.exports = { deployFromPlan, bindContracts, assignRoles, roleAccount };
