import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../../main/window-options';

describe('main window', () => {
  it('isolates, sandboxes and strips Node from the renderer', () => {
    expect(secureWebPreferences('/app/dist/main/preload.cjs', false)).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('is hidden until ready and uses the secure preferences', () => {
    const options = mainWindowOptions({ preloadPath: '/p.cjs', devTools: true, dark: true });
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe('#121212');
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs', true));
  });
});
