/** The main window: hardened web preferences and a remembered size. */
import { BrowserWindow } from 'electron';
import { z } from 'zod';
import { HARDENED_WEB_PREFERENCES } from './security';

export const WindowStateSchema = z.object({
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

/** The window's web preferences are the shared hardened set (security.ts) plus the preload script. */
export function createMainWindow(preload: string, state: WindowState, title: string): BrowserWindow {
  return new BrowserWindow({
    title,
    width: state.width,
    height: state.height,
    x: state.x,
    y: state.y,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: { ...HARDENED_WEB_PREFERENCES, preload },
  });
}
