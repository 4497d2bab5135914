// Grants the roles that connect the contracts (system.json), last, once every contract exists:
// Appointments may tell Consent about accepted and closed appointments.
const { grantRoles } = require('./deploy-step');

module.exports = (deployer, _network, accounts) => deployer.then(() => grantRoles(artifacts, accounts));
