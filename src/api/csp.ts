/**
 * The renderer's Content-Security-Policy, one source for both front doors: the HTTP bridge sends it
 * as a header, the Electron app:// protocol sends the same header. Kept in a file of its own so
 * the pure policy code in main/ can import it without pulling in the API handlers.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // MUI (emotion) injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
