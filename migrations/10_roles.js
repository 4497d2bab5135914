// Gives the narrow roles (system.json "roles"), last: the audit anchorer, the one account allowed to
// record the access log's head on Anchoring (docs/decisions/0013-audit-anchoring.md).
const { assignRoles } = require('./deploy-step');

module.exports = (deployer, _network, accounts) => deployer.then(() => assignRoles(artifacts, web3, accounts));
