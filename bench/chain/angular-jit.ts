/**
 * Angular's JIT compiler, loaded before any @angular package: the client's services (and Angular's own partially
 * compiled ones) are compiled when first declared, as in the client specs. Import this first.
 */
import '@angular/compiler';
