import type { DeskClient } from '../../src/api/contract';

declare global {
  interface Window {
    /** The typed API client the Electron preload exposes; absent in browser mode. */
    desk?: DeskClient;
  }
}

export {};
