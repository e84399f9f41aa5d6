/** The application menu: the usual roles and shortcuts, labelled in the user's language. */
import type { MenuItemConstructorOptions } from 'electron';
import { t, type Locale, type MessageKey } from '../i18n';

export function menuTemplate(locale: Locale, isMac: boolean): MenuItemConstructorOptions[] {
  const l = (key: MessageKey) => t(locale, key);
  const template: MenuItemConstructorOptions[] = [
    {
      label: l('menu.file'),
      submenu: [isMac ? { role: 'close', label: l('menu.close') } : { role: 'quit', label: l('menu.quit') }],
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
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
