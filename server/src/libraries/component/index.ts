export { contractsRequiredBy, eventSourcesOf, type AppRoute, type ServerComponent } from './server-component';
