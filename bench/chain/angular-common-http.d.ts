/**
 * The root tsconfig resolves modules the node10 way, which reads no package "exports", so it cannot find the
 * types of the subpath `@angular/common/http` that the client's services (run by this section) import; the
 * client's own tsconfig (bundler resolution) finds them. This points the root typecheck at the same file. Types
 * only: tsx and Jest resolve the real module at run time.
 */
declare module '@angular/common/http' {
  export * from '@angular/common/types/http';
}
