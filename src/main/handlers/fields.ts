/**
 * Field validation for forms outside a project (the company profile form): the same validators and
 * messages the checklist uses, so a USCC refused there is refused here in the same words.
 */
import type { HandlerContext, Handler } from './types';
import { judgeFieldInput } from '../../i18n/fields';

export function fieldHandlers(ctx: HandlerContext) {
  const handlers: { 'fields:validate': Handler<'fields:validate'> } = {
    'fields:validate': async ({ type, value }) => {
      const ws = await ctx.workspace();
      const { valid, reason, warning } = judgeFieldInput(type, value, { today: ws.today, locale: ws.locale });
      return { valid, reason, warning: warning ?? null };
    },
  };
  return handlers;
}
