// Deploys ResearchSharing (constructor arguments in system.json).
const { deployFromPlan } = require('./deploy-step');

module.exports = (deployer, _network, accounts) =>
  deployer.then(() => deployFromPlan(artifacts, deployer, accounts, 'ResearchSharing'));
