import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuContext } from '../../../main/menu-template';

function context(overrides: Partial<MenuContext> = {}): MenuContext {
  return {
    appName: 'PHI Audit Desk',
    version: '0.1.0',
    platform: 'linux',
    isPackaged: true,
    actions: { newEngagement: vi.fn(), openWorkspace: vi.fn(), closeWorkspace: vi.fn(), showAbout: vi.fn() },
    ...overrides,
  };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function item(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

describe('application menu', () => {
  it('File: New engagement…, Open…, Close run their actions', () => {
    const ctx = context();
    const file = submenu(buildMenuTemplate(ctx), 'File');
    expect(file.filter((i) => i.id).map((i) => [i.label, i.accelerator])).toEqual([
      ['New engagement…', 'CmdOrCtrl+N'],
      ['Open…', 'CmdOrCtrl+O'],
      ['Close', 'CmdOrCtrl+Shift+W'],
    ]);
    click(item(file, 'file.new'));
    click(item(file, 'file.open'));
    click(item(file, 'file.close'));
    expect(ctx.actions.newEngagement).toHaveBeenCalledOnce();
    expect(ctx.actions.openWorkspace).toHaveBeenCalledOnce();
    expect(ctx.actions.closeWorkspace).toHaveBeenCalledOnce();
  });

  it('Help shows the version', () => {
    const ctx = context();
    const help = submenu(buildMenuTemplate(ctx), 'Help');
    expect(item(help, 'help.version').label).toBe('Version 0.1.0');
    click(item(help, 'help.about'));
    expect(ctx.actions.showAbout).toHaveBeenCalledOnce();
  });

  it('a packaged build has no DevTools and no reload', () => {
    const roles = submenu(buildMenuTemplate(context({ isPackaged: true })), 'View').map((i) => i.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    const devRoles = submenu(buildMenuTemplate(context({ isPackaged: false })), 'View').map((i) => i.role);
    expect(devRoles).toContain('toggleDevTools');
  });

  it('macOS gets the app menu first and an Edit menu (copy and paste need it)', () => {
    const mac = buildMenuTemplate(context({ platform: 'darwin' }));
    expect(mac[0]?.role).toBe('appMenu');
    expect(mac.map((m) => m.role)).toContain('editMenu');
    expect(buildMenuTemplate(context({ platform: 'win32' }))[0]?.label).toBe('File');
  });
});
