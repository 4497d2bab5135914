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

async function grantRoles(artifacts, accounts) {
  for (const grant of system.roleGrants) {
    const target = await artifacts.require(grant.contract).deployed();
    const role = await target[grant.role]();
    const account = await resolveArg(artifacts, accounts, grant.account);
    await target.grantRole(role, account, { from: accounts[0] });
  }
}

module.exports = { deployFromPlan, grantRoles };
