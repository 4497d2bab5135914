// Shared by the numbered migrations: deploys one contract with the constructor arguments listed in
// system.json. Truffle only runs files whose name starts with a number, so this file is not a step.
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

module.exports = { deployFromPlan, bindContracts };
