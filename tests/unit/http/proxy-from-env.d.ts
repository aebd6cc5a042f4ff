// axios's own proxy lookup (a dependency of axios, shipped without types); the test compares against it.
declare module 'proxy-from-env' {
  export function getProxyForUrl(url: string): string
}
