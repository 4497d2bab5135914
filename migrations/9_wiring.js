// Binds the contracts together (system.json "bindings"), last, once every contract exists:
// Consent learns, once and for good, that Appointments alone may tell it about accepted and closed appointments.
const { bindContracts } = require('./deploy-step');

module.exports = (deployer, _network, accounts) => deployer.then(() => bindContracts(artifacts, accounts));
