// Deploys the registry with the deployer (account 0) as the first admin.
const { deployFromPlan } = require('./deploy-step');

module.exports = (deployer, _network, accounts) =>
  deployer.then(() => deployFromPlan(artifacts, deployer, accounts, 'Registry'));
