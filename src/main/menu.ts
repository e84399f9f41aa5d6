/**
 * The application menu: File (新建, 打开, 装订, 打印 with their shortcuts), the usual Edit / View /
 * Window roles, and Help, labelled in the user's language. The app's own commands are carried out by
 * the page (`send`), which has the same commands on the same keys for when there is no menu.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { t, type Locale, type MessageKey } from '../i18n';

/** What the page does on a menu command (src/renderer/src/lib/commands.ts). */
export const MENU_COMMANDS = ['new', 'open', 'bind', 'print', 'shortcuts'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function menuTemplate(
  locale: Locale,
  isMac: boolean,
  send: (command: MenuCommand) => void = () => undefined,
): MenuItemConstructorOptions[] {
  const l = (key: MessageKey) => t(locale, key);
  const command = (label: MessageKey, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: l(label),
    accelerator,
    click: () => send(name),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: l('menu.file'),
      submenu: [
        command('menu.new', 'new', 'CmdOrCtrl+N'),
        command('menu.open', 'open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        command('menu.bind', 'bind', 'CmdOrCtrl+B'),
        command('menu.print', 'print', 'CmdOrCtrl+P'),
        { type: 'separator' },
        isMac ? { role: 'close', label: l('menu.close') } : { role: 'quit', label: l('menu.quit') },
      ],
    },
    {
      label: l('menu.edit'),
      submenu: [
        { role: 'undo', label: l('menu.undo') },
        { role: 'redo', label: l('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: l('menu.cut') },
        { role: 'copy', label: l('menu.copy') },
        { role: 'paste', label: l('menu.paste') },
        { role: 'selectAll', label: l('menu.selectAll') },
      ],
    },
    {
      label: l('menu.view'),
      submenu: [
        { role: 'reload', label: l('menu.reload') },
        { role: 'resetZoom', label: l('menu.resetZoom') },
        { role: 'zoomIn', label: l('menu.zoomIn') },
        { role: 'zoomOut', label: l('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l('menu.fullscreen') },
      ],
    },
    { label: l('menu.window'), submenu: [{ role: 'minimize', label: l('menu.minimize') }] },
    {
      role: 'help',
      label: l('menu.help'),
      submenu: [command('menu.shortcuts', 'shortcuts'), { role: 'about', label: l('menu.about') }],
    },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
