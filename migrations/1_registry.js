// Deploys the registry with the deployer (account 0) as the first admin.
const Registry = artifacts.require('Registry');

module.exports = async function deployRegistry(deployer, _network, accounts) {
  await deployer.deploy(Registry, accounts[0]);
};
