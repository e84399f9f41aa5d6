/**
 * The app's commands (新建, 打开, 装订, 打印, 快捷键) from wherever they come: the application menu
 * (main calls `window.matprepCommand`) or the same shortcuts pressed in the page (Ctrl/⌘ + N, O, B, P),
 * which is all there is without Electron's menu. Where the menu's accelerator and the page both see a
 * key press, the second arrival of a command within a moment is dropped.
 */
import { useEffect, useRef } from 'react';

export const COMMANDS = ['new', 'open', 'bind', 'print', 'shortcuts'] as const;
export type Command = (typeof COMMANDS)[number];

const KEYS: Record<string, Command> = { n: 'new', o: 'open', b: 'bind', p: 'print' };
const REPEAT_MS = 400;

declare global {
  interface Window {
    matprepCommand?: (command: string) => void;
  }
}

export function useCommands(onCommand: (command: Command) => void): void {
  const handler = useRef(onCommand);
  handler.current = onCommand;
  useEffect(() => {
    let last = { command: '', at: 0 };
    const fire = (command: Command) => {
      const now = Date.now();
      if (last.command === command && now - last.at < REPEAT_MS) return;
      last = { command, at: now };
      handler.current(command);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const command = KEYS[e.key.toLowerCase()];
      if (!command) return;
      // Ctrl+P would open the browser's print of the app's own page; Ctrl+B/N/O mean nothing else here.
      e.preventDefault();
      fire(command);
    };
    window.matprepCommand = (command) => {
      if ((COMMANDS as readonly string[]).includes(command)) fire(command as Command);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      delete window.matprepCommand;
    };
  }, []);
}

/**
 * Once the screen a command switched to has drawn, focus or press the control marked
 * `data-command="<command>"` on it (the screen owns what the command does there). Gives up after
 * a few frames when the screen has no such control (nothing bound yet to print).
 */
export function pressWhenShown(command: Command, how: 'focus' | 'click'): void {
  let frames = 0;
  const attempt = () => {
    const target = document.querySelector<HTMLElement>(`[data-command="${command}"]`);
    if (target && !(target as HTMLButtonElement).disabled) {
      if (how === 'focus') target.focus();
      else target.click();
    } else if (++frames < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
